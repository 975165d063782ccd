# cached_property, reduce-based composition, operator.attrgetter on dotted paths, functools.cache on methods.
from functools import cached_property, reduce, partial
import operator
class Data:
    def __init__(self, values):
        self.values = values
        self.computed = 0
    @cached_property
    def total(self):
        self.computed += 1
        return sum(self.values)
d = Data([1, 2, 3])
print("cached_property:", d.total, d.total, d.computed, "total" in vars(d))
del d.total
print("after del recomputes:", d.total, d.computed)
d.total = 100
print("assignable:", d.total)
class NoDict:
    __slots__ = ("v",)
    @cached_property
    def x(self):
        return 1
try:
    NoDict().x
except TypeError as e:
    print("needs __dict__:", type(e).__name__)
def compose(*fns):
    return reduce(lambda f, g: lambda x: g(f(x)), fns)
inc_then_double = compose(partial(operator.add, 1), partial(operator.mul, 2), str)
print("compose:", inc_then_double(4))
print("sum via reduce add matches sum:", reduce(operator.add, range(10)) == sum(range(10)))
print("dot product:", sum(map(operator.mul, [1, 2, 3], [4, 5, 6])))
print("max by attr:", max([Data([5]), Data([1, 9])], key=operator.attrgetter("total")).values)
print("truth tables:", [op.__name__ for op in (operator.and_, operator.or_, operator.xor)],
      [[f(a, b) for a in (False, True) for b in (False, True)] for f in (operator.and_, operator.or_, operator.xor)])
