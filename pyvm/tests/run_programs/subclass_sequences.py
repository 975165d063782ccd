# Subclasses of list and tuple: builtins accept them, overrides win.

class OrderedCollection(list):
    pass

oc = OrderedCollection()
oc.append(3)
oc.extend([1, 2])
oc.insert(0, 9)
print(oc, len(oc), oc[1], oc[-1], oc[1:3], type(oc[1:3]).__name__)
print(type(oc).__name__, isinstance(oc, list), issubclass(OrderedCollection, list))
oc.sort()
print(oc, sorted(oc), list(reversed(oc)), 2 in oc, 7 in oc, oc.index(3))
oc.label = "x"
print(oc.label, oc.__dict__, bool(oc), bool(OrderedCollection()))
print(oc == [1, 2, 3, 9], [1, 2, 3, 9] == oc, oc + [5], oc * 2)
for i, x in enumerate(oc):
    print(i, x, end="; ")
print()
print(",".join(str(x) for x in oc), sum(oc), max(oc), min(oc), list(oc), tuple(oc))
del oc[0]
oc[0] = 20
print(oc, repr(oc), str(oc))


class Stack(list):
    def push(self, x):
        self.append(x)

    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"

    def __len__(self):
        return super().__len__() * 10

    def __getitem__(self, i):
        return "item%s" % (super().__getitem__(i),)

    def __contains__(self, x):
        return x == "magic"

    def __iter__(self):
        yield "it"
        yield from super().__iter__()


s = Stack([1, 2])
s.push(3)
print(repr(s), str(s), [s], len(s), s[0], "magic" in s, 1 in s, list(s))
print(bool(s), f"{s!r}")


class Vec(list):
    def __init__(self, *args):
        super().__init__(args)

    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self, other)])

    def __eq__(self, other):
        return "eq called"

    __hash__ = None


v = Vec(1, 2) + Vec(10, 20)
print(v, type(v).__name__, v == 1, [1] == Vec(1))
try:
    hash(v)
except TypeError as e:
    print("TypeError:", e)


class Point(tuple):
    __slots__ = ()

    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __repr__(self):
        return f"Point(x={self.x!r}, y={self.y!r})"

    @classmethod
    def _make(cls, iterable):
        return tuple.__new__(cls, iterable)


p = Point(1, 2)
q = Point._make([3, 4])
print(p, q, p.x, q.y, len(p), p[0], p + q, p == (1, 2), hash(p) == hash((1, 2)))
print(sorted([q, p]), {p: "a"}[(1, 2)], (1, 2) in {p}, isinstance(p, tuple))
a, b = p
print(a, b, *q, max(p), list(p), tuple(p) is p, type(tuple(p)).__name__)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(p.__dict__)
except AttributeError as e:
    print("AttributeError:", e)


class T2(tuple):
    pass


t2 = T2([5, 6])
t2.extra = 1
print(t2, t2.extra, T2(), T2("ab"), t2.count(5), t2.index(6), t2[::-1])


class Slotted(list):
    __slots__ = ("tag",)


sl = Slotted([1])
sl.tag = "t"
print(sl, sl.tag)
try:
    sl.other = 1
except AttributeError as e:
    print("AttributeError:", e)

try:
    class Bad(tuple):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)

for base in (bool, range, slice, memoryview, type(None)):
    try:
        class X(base):
            pass
    except TypeError as e:
        print("TypeError:", e)

print(list.__new__(OrderedCollection), tuple.__new__(T2, [1]))
try:
    tuple.__new__(list)
except TypeError as e:
    print("TypeError:", e)
try:
    tuple.__new__(1)
except TypeError as e:
    print("TypeError:", e)


# In-place operators and object.__new__ on subclasses.
class IL(list):
    def __iadd__(self, other):
        print("iadd", other)
        self.append(len(other))
        return self
l = IL([1])
l += [5, 6]
print(l, type(l).__name__)
class M(list):
    pass
m = M([1])
m2 = m
m += [2]
print(m, m is m2, type(m).__name__)
class S(set):
    pass
s = S({1}); s2 = s
s |= {2}
print(sorted(s), s is s2)
try:
    object.__new__(M)
except TypeError as e:
    print("TypeError:", e)
class T(str):
    pass
t = T("a")
t += "b"
print(t, type(t).__name__)

class P(tuple):
    def __new__(cls): return tuple.__new__(cls, ())
try:
    object.__new__(P)
except TypeError as e:
    print(e)
