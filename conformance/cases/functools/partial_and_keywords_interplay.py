# partial with keyword-only and positional-only parameters, introspection via inspect.signature.
from functools import partial
import inspect
def f(a, b, /, c, *, d, e=5):
    return (a, b, c, d, e)
p = partial(f, 1, d=4)
print("call:", p(2, 3), p(2, c=3, e=6))
print("signature:", inspect.signature(p))
p2 = partial(f, 1, 2, 3)
print("all positional bound:", p2(d=0), inspect.signature(p2))
try:
    partial(f, a=1)(2, 3, d=4)
except TypeError as e:
    print("positional-only by keyword:", e)
p3 = partial(f, e=0)
print("override default via partial, then override again:", p3(1, 2, 3, d=4), p3(1, 2, 3, d=4, e=9))
print("partial of partial merges keywords:", partial(partial(f, d=1), e=2).keywords)
print("partial repr shows bound values:", repr(partial(f, 1, d=4)).replace(f"{f!r}", "<f>"))
class C:
    def m(self, x, y):
        return (x, y)
bound = partial(C().m, 1)
print("partial of bound method:", bound(2), partial(C.m, C(), y=9)(1))
print("callable check and func attr:", callable(p), p.func is f)
