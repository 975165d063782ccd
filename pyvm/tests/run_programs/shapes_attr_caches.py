# Attribute loads, stores and method calls through per-site caches must
# see every change a program can make to instances and classes.


class A:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def m(self):
        return "A.m"


def load_x(o):
    return o.x


def call_m(o):
    return o.m()


def store_y(o, v):
    o.y = v


def warm(f, *args):
    for _ in range(3):
        r = f(*args)
    return r


a = A(1)
print(warm(load_x, a), warm(call_m, a), warm(A.get, a))

# Class attribute shadowed by an instance attribute, and back.
class B:
    x = "class x"

    def m(self):
        return "B.m"


b = B()
print(warm(load_x, b))
b.x = "inst x"
print(warm(load_x, b))
del b.x
print(warm(load_x, b))

# Monkey-patching a method on the class, then on the instance.
print(warm(call_m, a))
A.m = lambda self: "patched A.m"
print(warm(call_m, a))
a.m = lambda: "instance m"
print(warm(call_m, a))
del a.m
print(warm(call_m, a))
del A.m
try:
    call_m(a)
except AttributeError as e:
    print("AttributeError:", e)
A.m = lambda self: "A.m again"
print(warm(call_m, a))

# A property added to the class after instances were cached.
c = A(5)
print(warm(load_x, c))
A.x = property(lambda self: "property x")
print(warm(load_x, c), warm(A.get, c))
del A.x
print(warm(load_x, c))

# __getattr__, __getattribute__, __setattr__ added later, on a base.
class Base:
    pass


class D(Base):
    def __init__(self):
        self.x = 1

    def m(self):
        return "D.m"


d = D()
print(warm(load_x, d), warm(call_m, d))
Base.__getattribute__ = lambda self, name: "gattr " + name
print(warm(load_x, d), warm(call_m, d) if False else "")
del Base.__getattribute__
print(warm(load_x, d))
log = []
Base.__setattr__ = lambda self, name, v: log.append((name, v))
warm(store_y, d, 7)
print(log, hasattr(d, "y"))
del Base.__setattr__
warm(store_y, d, 8)
print(d.y)
Base.__getattr__ = lambda self, name: "missing " + name
print(warm(lambda o: o.nope, d))

# __class__ assignment.
class E:
    def m(self):
        return "E.m"


class F:
    def m(self):
        return "F.m"


e = E()
e.x = "e x"
print(warm(call_m, e), warm(load_x, e))
e.__class__ = F
print(warm(call_m, e), warm(load_x, e))

# __dict__ replaced, and mutated through vars().
g = A(1)
print(warm(load_x, g))
g.__dict__ = {"x": "new dict"}
print(warm(load_x, g))
vars(g)["x"] = "via vars"
print(warm(load_x, g))
h = A(2)
warm(load_x, h)
vars(h)["x"] = "vars on split"
print(warm(load_x, h))
vars(h).clear()
try:
    load_x(h)
except AttributeError as e:
    print("AttributeError:", e)

# del obj.attr, then a store adds it back (transitions).
i = A(1)
warm(store_y, i, 2)
print(vars(i))
del i.x
print(vars(i), warm(lambda o: o.y, i))
try:
    load_x(i)
except AttributeError as e:
    print("AttributeError:", e)
i.x = 3
print(vars(i), load_x(i))

# __slots__ classes.
class S:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = "slot x"


s = S()
print(warm(load_x, s))
warm(store_y, s, "slot y")
print(s.y)
try:
    s.z = 1
except AttributeError as e:
    print("AttributeError:", e)

# __bases__ reassignment.
class G1:
    def m(self):
        return "G1.m"


class G2:
    def m(self):
        return "G2.m"


class H(G1):
    pass


hh = H()
print(warm(call_m, hh))
H.__bases__ = (G2,)
print(warm(call_m, hh))

# Many attributes (past any inline limit), insertion order kept.
class Many:
    pass


many = Many()
for k in range(100):
    setattr(many, "a%d" % k, k)
print(len(vars(many)), list(vars(many))[:3], list(vars(many))[-2:])
print(warm(lambda o: o.a99, many), warm(lambda o: o.a0, many))

# Non-str keys in __dict__; an instance dict that goes combined.
n1 = A(1)
n1.__dict__[1] = "one"
print(vars(n1), warm(load_x, n1))
warm(store_y, n1, "y")
print(vars(n1))

# Several instances at one site with different shapes.
class P:
    pass


objs = []
for k in range(4):
    o = P()
    if k % 2:
        o.w = k
    o.x = k * 10
    objs.append(o)
for _ in range(2):
    print([load_x(o) for o in objs])
for o in objs:
    warm(store_y, o, o.x + 1)
print([vars(o) for o in objs])

# Attribute order in vars() and __dict__ after stores through caches.
class Q:
    def __init__(self, a, b, c):
        self.c = c
        self.a = a
        self.b = b


qs = [Q(1, 2, 3), Q(4, 5, 6)]
qs[1].a = 40
print([list(vars(q).items()) for q in qs], qs[0].__dict__ == {"a": 1, "b": 2, "c": 3})
print(repr(qs[0].__dict__), dict(qs[1].__dict__), qs[0].__dict__.copy())
