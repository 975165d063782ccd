# functools.total_ordering, wraps/update_wrapper, singledispatch.
from functools import total_ordering, wraps, update_wrapper, singledispatch
@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
a, b = Version(1, 2), Version(1, 10)
print("derived ops:", a < b, a <= b, a > b, a >= b, a >= Version(1, 2), sorted([b, a]))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("no ordering defined:", e)
def deco(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        "wrapper doc"
        return fn(*a, **k)
    return wrapper
@deco
def target(x):
    "target doc"
    return x + 1
print("wraps:", target.__name__, target.__doc__, target.__wrapped__.__name__, target(1))
def plain(): pass
plain.custom = 1
def w(): pass
update_wrapper(w, plain)
print("update_wrapper copies dict:", w.custom, w.__name__)
@singledispatch
def describe(x):
    return "object"
@describe.register
def _(x: int):
    return "int"
@describe.register(list)
def _(x):
    return "list"
print("singledispatch:", describe(1), describe(True), describe([]), describe("s"), describe(1.5))
print("dispatch lookup:", describe.dispatch(bool).__name__ == "_", sorted(k.__name__ for k in describe.registry))
