# gc-stress-interval: 200
# Classes: slots layouts, __class__/__bases__ assignment, pow/reflected dispatch, super and type setattr.
import warnings

class A:
    __slots__ = ("x",)
class B:
    __slots__ = ("y",)
try:
    class AB(A, B):
        pass
except TypeError as e:
    print("layout:", e)
class A2(A):
    __slots__ = ()
class OK(A2, A):
    pass
print("nested slots ok:", OK.__mro__[1].__name__)
a = A()
try:
    a.__class__ = B
except TypeError as e:
    print("class assignment:", e)

class Base1: pass
class Base2: pass
class Child(Base1): pass
Child.__bases__ = (Base2,)
print("subclasses:", [k.__name__ for k in Base1.__subclasses__()], [k.__name__ for k in Base2.__subclasses__()])

class Slotted(int):
    __slots__ = ()
try:
    Slotted(3).x = 1
except AttributeError as e:
    print("slotted int:", e)
print(Slotted(3) + 1)
try:
    object.__setattr__(int, "x", 1)
except TypeError as e:
    print("hackcheck:", e)

class Meta(type):
    def __setattr__(cls, k, v):
        super().__setattr__(k, v * 2)
    def __delattr__(cls, k):
        super().__delattr__(k)
class M(metaclass=Meta):
    pass
M.v = 21
print("metaclass setattr:", M.v)
del M.v
print(hasattr(M, "v"))
try:
    type.__setattr__(1, "x", 2)
except TypeError as e:
    print("type.__setattr__:", e)

class Pow:
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)
print(pow(Pow(), 2, 5), Pow() ** 3)
try:
    pow(object(), 2, 5)
except TypeError as e:
    print("pow:", e)

class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return Num(o + self.v)
try:
    Num(1) + Num(2)
except TypeError as e:
    print("same class, no reflected:", e)
print("sum:", sum([Num(1)]).v)

class Neg(dict):
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
print(-Neg(), +Neg(), ~Neg())

class P:
    def f(self): return "P.f"
class Q(P):
    def f(self): return "Q.f"
u = super(Q)
print("unbound super:", u.__get__(Q(), Q).f())

class IntBool:
    def __int__(self): return True
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = int(IntBool())
print("int from bool:", r, type(r).__name__, [x.category.__name__ for x in w])

def f(): return 1
print(iter(f, 1).__class__.__name__, list(iter(__import__("functools").partial(next, iter([3, 2, 1])), 1)))
