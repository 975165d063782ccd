# Key lookup uses hash then ==; mutable keys, custom __eq__/__hash__ and NaN keys.
class Key:
    calls = []
    def __init__(self, v, h):
        self.v, self.h = v, h
    def __hash__(self):
        Key.calls.append(("hash", self.v))
        return self.h
    def __eq__(self, other):
        Key.calls.append(("eq", self.v, other.v))
        return self.v == other.v
d = {Key(1, 7): "one"}
Key.calls.clear()
print("lookup same value:", d[Key(1, 7)], Key.calls)
Key.calls.clear()
print("same hash different value:", Key(2, 7) in d, Key.calls)
Key.calls.clear()
print("different hash:", Key(1, 8) in d, Key.calls)
nan = float("nan")
nd = {nan: 1}
print("nan key by identity:", nd[nan], float("nan") in nd)
nd[float("nan")] = 2
print("two nan keys:", len(nd))
class Mutable:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == o.v
m = Mutable(1)
md = {m: "x"}
m.v = 2
print("after mutating key:", Mutable(1) in md, Mutable(2) in md, m in md, len(md))
class Raises:
    def __hash__(self):
        raise RuntimeError("hash failed")
try:
    {Raises(): 1}
except RuntimeError as e:
    print("hash exception propagates:", e)
print("tuple keys:", {(1, 2): "a"}[(1, 2)], {(1, (2, 3)): "b"}[1, (2, 3)])
print("frozenset keys:", {frozenset({1, 2}): "fs"}[frozenset({2, 1})])
