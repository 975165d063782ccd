# cached_property per-instance caching, invalidation by deleting the attribute, subclass override, and class access.
from functools import cached_property
class Circle:
    computations = 0
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        Circle.computations += 1
        return 3 * self.r * self.r
a, b = Circle(1), Circle(2)
print("areas:", a.area, b.area, a.area, b.area, "computations:", Circle.computations)
a.r = 10
print("stale until invalidated:", a.area)
del a.area
print("recomputed:", a.area, Circle.computations)
try:
    del a.area
    del a.area
except AttributeError as e:
    print("double delete:", type(e).__name__)
print("class access returns descriptor:", type(Circle.area).__name__, Circle.area.attrname)
class Big(Circle):
    @cached_property
    def area(self):
        return "big:" + str(super().area)
print("subclass override with super():", Big(3).area)
a.__dict__["area"] = "manual"
print("instance dict value is used directly:", a.area)
try:
    class Twice:
        @cached_property
        def x(self):
            return 1
        y = x
except (TypeError, RuntimeError) as e:
    cause = e.__cause__
    print("same cached_property under two names:", type(e).__name__, "| cause:", type(cause).__name__ if cause else None)
