# Subclasses of str, bytes and bytearray.

class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("hello")
print(n, repr(n), len(n), n[1], n[1:3], n.shout(), n + " there", n * 2, "ell" in n)
print(type(n).__name__, type(n.upper()).__name__, type(n + "x").__name__, type(n[0]).__name__)
print(isinstance(n, str), n == "hello", "hello" == n, hash(n) == hash("hello"), {n: 1}["hello"], {"hello": 2}[n])
print("-".join([n, n]), f"<{n}>", "%s|%r" % (n, n), "{}".format(n), n.split("l"), sorted([Name("b"), "a"]))
print(str(n), type(str(n)).__name__, n.startswith("he"), n.replace("l", "L"), int(Name("42")) + 1, list(n))
n.attr = 5
print(n.attr, n.__dict__)


class Tag(str):
    __slots__ = ()

    def __new__(cls, value, prefix="#"):
        return super().__new__(cls, prefix + value)

    def __repr__(self):
        return "Tag(" + str.__repr__(self) + ")"

    def __str__(self):
        return "tag:" + str.__str__(self)


t = Tag("py")
print(t, repr(t), str(t), [t], f"{t}", "%s" % t, t == "#py", len(t))
try:
    t.x = 1
except AttributeError as e:
    print("AttributeError:", e)


class StrEnumLike(str):
    def __new__(cls, value, name):
        self = str.__new__(cls, value)
        self._name_ = name
        return self

    def __str__(self):
        return str.__str__(self)

    def __repr__(self):
        return "<%s.%s: %s>" % (type(self).__name__, self._name_, str.__repr__(self))


red = StrEnumLike("red", "RED")
print(red, repr(red), str(red), red.upper(), red == "red", format(red), f"{red}")


class B(bytes):
    def hexed(self):
        return self.hex()


b = B(b"ab")
print(b, len(b), b[0], b.hexed(), b + b"c", b == b"ab", type(b).__name__, isinstance(b, bytes), B([65, 66]), hash(b) == hash(b"ab"))


class BA(bytearray):
    pass


ba = BA(b"xy")
ba.append(122)
ba.note = 1
print(ba, len(ba), bytes(ba), ba.note, ba == b"xyz", type(ba).__name__)

print(str.__new__(Name, "abc"), type(str.__new__(Name, 12)).__name__, Name(), Name(b"x", "ascii"))
try:
    class Bad(bytes):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
try:
    str.__new__(int)
except TypeError as e:
    print("TypeError:", e)


class SlotStr(str):
    __slots__ = ("meta",)


ss = SlotStr("v")
ss.meta = {"k": 1}
print(ss, ss.meta, ss.upper())
