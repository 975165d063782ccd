# list.sort and sorted: stability, key, reverse (stable too), errors, mutation detection.
records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 2), ("eve", 1), ("fay", 2)]
print("by number (stable):", sorted(records, key=lambda r: r[1]))
print("reverse keeps stability:", sorted(records, key=lambda r: r[1], reverse=True))
by_name = sorted(records)
print("multi-pass:", sorted(by_name, key=lambda r: r[1]) == sorted(records, key=lambda r: (r[1], r[0])))
l = [5, 2, 9, 1]
print("sort returns None:", l.sort(), l)
l.sort(reverse=True)
print("reverse:", l)
print("key=len on strs:", sorted(["ccc", "a", "bb", "dd", "e"], key=len))
print("sorted any iterable:", sorted("hello"), sorted({3: 0, 1: 0}), sorted((2, 1)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("mixed:", e)
try:
    [3, 1].sort(lambda a: a)
except TypeError as e:
    print("positional key:", e)
def bad_key(x):
    if x == 3:
        raise ValueError("key fails")
    return x
data = [1, 3, 2]
try:
    data.sort(key=bad_key)
except ValueError as e:
    print("key exception:", e, "list intact:", sorted(data))
m = [3, 2, 1]
def mutating(x):
    m.append(x)
    return x
try:
    m.sort(key=mutating)
except ValueError as e:
    print("mutation during sort:", e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return self.v < other.v
    def __repr__(self): return f"K{self.v}"
print("only __lt__ needed:", sorted([K(3), K(1), K(2)]), min([K(3), K(1)]))
print("big stable sort:", [i for _, i in sorted([(i % 3, i) for i in range(12)], key=lambda p: p[0])])
print("sort by None key:", sorted([2, 1], key=None))
