# `__slots__` members and methods of instances without a __dict__ are
# cached with the class pinned; changes to the class must be seen.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def m(self):
        return "P.m"


def load_x(o):
    return o.x


def store_x(o, v):
    o.x = v


def call_m(o):
    return o.m()


def warm(f, *a):
    for _ in range(3):
        r = f(*a)
    return r


p = P(1)
print(warm(load_x, p), warm(call_m, p), warm(P.get, p))
warm(store_x, p, 5)
print(p.x)

# An unset member, then deleted.
try:
    warm(lambda o: o.y, p)
except AttributeError as e:
    print("AttributeError:", e)
del p.x
try:
    load_x(p)
except AttributeError as e:
    print("AttributeError:", e)
store_x(p, 7)
print(load_x(p))

# The member replaced by a property on the class.
P.x = property(lambda self: "property x", lambda self, v: print("set", v))
print(warm(load_x, p))
warm(store_x, p, 9)
# Methods patched.
P.m = lambda self: "patched"
print(warm(call_m, p))


class Q:
    __slots__ = ("a",)

    def __init__(self):
        self.a = "qa"

    def m(self):
        return "Q.m"


q = Q()
print(warm(lambda o: o.a, q), warm(call_m, q))
Q.__getattribute__ = lambda self, name: "hooked " + name
print(warm(lambda o: o.a, q), warm(call_m, q) if False else "")
del Q.__getattribute__
print(warm(lambda o: o.a, q))
Q.__setattr__ = lambda self, name, v: print("setattr hook", name, v)
warm(store_x, q, 1)
del Q.__setattr__


# Subclasses with and without their own slots, at one site.
class R(Q):
    __slots__ = ("b",)

    def m(self):
        return "R.m"


class S(Q):
    pass


r, s = R(), S()
for o in (q, r, s, q, r, s):
    print(load_a := o.a, call_m(o))
s.extra = "dict on S"
print(vars(s), s.extra)
try:
    q.extra = 1
except AttributeError as e:
    print("AttributeError:", e)

# __class__ assignment between layout-compatible slot classes.
class T:
    __slots__ = ("a",)

    def m(self):
        return "T.m"


q2 = Q()
print(warm(call_m, q2))
q2.__class__ = T
print(warm(call_m, q2), q2.a)
