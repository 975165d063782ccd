# singledispatch chooses the most specific registered class along the MRO, including ABC virtual subclasses.
from functools import singledispatch
import collections.abc as abc
class A: pass
class B(A): pass
class C(B): pass
class Mixin: pass
class D(C, Mixin): pass
@singledispatch
def which(x):
    return "object"
@which.register
def _(x: A):
    return "A"
@which.register
def _(x: C):
    return "C"
@which.register
def _(x: Mixin):
    return "Mixin"
print([which(k()) for k in (A, B, C, D, Mixin, object)])
@singledispatch
def proto(x):
    return "other"
@proto.register(abc.Iterable)
def _(x):
    return "iterable"
@proto.register(abc.Sized)
def _(x):
    return "sized"
@proto.register(abc.Sequence)
def _(x):
    return "sequence"
class OnlyIter:
    def __iter__(self):
        return iter(())
print([proto(v) for v in ([1], "s", OnlyIter(), 5, range(2), b"b")])
try:
    proto({1})
except RuntimeError as e:
    print("ambiguous dispatch:", type(e).__name__)
print("registry keys:", sorted(k.__name__ for k in which.registry))
which.register(int, lambda x: "int via register()")
print("register with explicit callable:", which(3), which(True))
