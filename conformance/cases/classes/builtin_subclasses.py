# Subclassing builtins: overridden methods are not used by other builtin methods.
class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
    def __getitem__(self, k):
        return ("got", super().__getitem__(k))

d = MyDict(a=1)
print("init bypasses __setitem__:", dict(d))
d["b"] = 2
print("subscript uses override:", dict(d), d["b"])
d.update(c=3)
print("update bypasses __setitem__:", dict.__getitem__(d, "c"))
print("get bypasses __getitem__:", d.get("a"))

class MyList(list):
    def __len__(self):
        return 100
    def append(self, x):
        super().append(x * 2)
l = MyList([1, 2])
l.append(3)
print("list override:", list(l), len(l), bool(MyList()))
l.extend([4])
print("extend not via append:", list(l))

class MyStr(str):
    def upper(self):
        return "custom"
s = MyStr("abc")
print("str subclass:", s.upper(), s + "d", type(s + "d").__name__, type(s[0:2]).__name__)
print("format of str subclass:", f"{s}", type(str(s)).__name__)

class MyInt(int):
    def __add__(self, other):
        return MyInt(int(self) + other + 100)
i = MyInt(5)
print("int subclass:", i + 1, 1 + i, type(i * 2).__name__, type(-i).__name__)
print("repr:", repr(MyInt(7)), MyInt(7) == 7, hash(MyInt(7)) == hash(7))

class Attr(int):
    pass
a = Attr(3)
a.note = "ok"
print("subclass instance has __dict__:", a.note, a + 0)

class MyTuple(tuple):
    def __getitem__(self, i):
        return "override"
t = MyTuple((1, 2))
print("tuple subclass:", t[0], list(t), tuple(t), t == (1, 2))
class MyFloat(float):
    pass
print("float subclass:", MyFloat(1.5) * 2, type(MyFloat(1.5) * 2).__name__, repr(MyFloat(0.1)))
