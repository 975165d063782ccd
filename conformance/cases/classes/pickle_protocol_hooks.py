# Pickling hooks: __getstate__/__setstate__, __reduce__, __getnewargs_ex__, and copy using the same protocol.
import pickle, copy
class Account:
    def __init__(self, owner, balance):
        self.owner, self.balance, self._cache = owner, balance, {"tmp": 1}
    def __getstate__(self):
        state = self.__dict__.copy()
        del state["_cache"]
        return state
    def __setstate__(self, state):
        self.__dict__.update(state)
        self._cache = {"restored": True}
a = pickle.loads(pickle.dumps(Account("ann", 10)))
print("getstate/setstate:", a.owner, a.balance, a._cache)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __reduce__(self):
        return (Point, (self.x * 1, self.y), )
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
print("__reduce__:", pickle.loads(pickle.dumps(Point(1, 2))), copy.copy(Point(3, 4)), copy.deepcopy(Point(5, 6)))
class Frozen(tuple):
    def __new__(cls, a, *, scale=1):
        return super().__new__(cls, (a * scale,))
    def __getnewargs_ex__(self):
        return (self[0],), {"scale": 1}
f = pickle.loads(pickle.dumps(Frozen(3, scale=2), protocol=4))
print("__getnewargs_ex__:", f, type(f).__name__)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a, self.b = 1, 2
s = pickle.loads(pickle.dumps(Slotted()))
print("slots pickled by default (protocol 2+):", s.a, s.b)
class NotPicklable:
    def __reduce__(self):
        raise TypeError("refusing to pickle")
try:
    pickle.dumps(NotPicklable())
except TypeError as e:
    print("refusal:", e)
try:
    pickle.dumps(lambda: 0)
except (pickle.PicklingError, AttributeError) as e:
    print("lambda:", type(e).__name__)
