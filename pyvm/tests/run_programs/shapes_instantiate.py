# `C(args)` remembers what a plain class needs (its __init__, whether it
# has __del__); every change to the class or its bases must be seen.


class Base:
    pass


class C(Base):
    def __init__(self, x):
        self.x = x


def make(cls, *a):
    for _ in range(3):
        o = cls(*a)
    return o


print(make(C, 1).x)

# Replacing __init__ on the class, then on a base below it.
C.__init__ = lambda self, x: setattr(self, "x", x * 10)
print(make(C, 1).x)
del C.__init__
Base.__init__ = lambda self, x: setattr(self, "x", ("base", x))
print(make(C, 2).x)
del Base.__init__
try:
    C(1)
except TypeError as e:
    print("TypeError:", e)


class D:
    def __init__(self, name):
        self.name = name


# __del__ added after instances were made, and on a base.
print(make(D, "d1").name)
D.__del__ = lambda self: print("del", self.name)
d = make(D, "d2")
del d
import gc

gc.collect()
del D.__del__


class E(Base):
    def __init__(self):
        pass


make(E)
Base.__del__ = lambda self: print("del E")
e = E()
del e
gc.collect()
del Base.__del__

# __new__ added later: no longer a direct instantiation.
class F:
    def __init__(self, v):
        self.v = v


print(make(F, 3).v)
F.__new__ = lambda cls, v: "from __new__"
print(make(F, 4))

# __init__ that returns something, and one whose code becomes a generator.
class G:
    def __init__(self):
        return 1


try:
    G()
except TypeError as e:
    print("TypeError:", e)


class H:
    def __init__(self):
        self.ok = True


print(make(H).ok)


def gen_init(self):
    yield 1


H.__init__.__code__ = gen_init.__code__
try:
    H()
except TypeError as e:
    print("TypeError:", e)

# __bases__ changed.
class I1:
    def __init__(self):
        self.w = "I1"


class I2:
    def __init__(self):
        self.w = "I2"


class J(I1):
    pass


print(make(J).w)
J.__bases__ = (I2,)
print(make(J).w)

# Wrong argument counts.
try:
    C()
except TypeError as e:
    print("TypeError:", e)
