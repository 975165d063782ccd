# __slots__: no __dict__, fixed attributes, inheritance, and errors.
import types
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x

p = P(1)
print("x:", p.x)
try:
    p.y
except AttributeError as e:
    print("unset slot:", type(e).__name__, e)
try:
    p.z = 3
except AttributeError as e:
    print("no such slot:", type(e).__name__, e)
print("has __dict__:", hasattr(p, "__dict__"))
p.y = 2
del p.y
print("after del hasattr y:", hasattr(p, "y"))
print("slot descriptor type is a member descriptor:", type(P.x) is types.MemberDescriptorType)

class Q(P):
    pass
q = Q(5)
q.extra = "ok"
print("subclass without slots has dict:", q.__dict__)

class R(P):
    __slots__ = ("z",)
r = R(1)
r.z = 9
print("R slots:", r.x, r.z, hasattr(r, "__dict__"))

class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print("slots with __dict__:", w.a, w.__dict__)

class Str:
    __slots__ = "only"
s = Str()
s.only = "yes"
print("string slots:", s.only, Str.__slots__)

try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("conflict:", type(e).__name__, e)

class Weak:
    __slots__ = ()
import weakref
try:
    weakref.ref(Weak())
except TypeError as e:
    print("weakref empty slots:", type(e).__name__)
