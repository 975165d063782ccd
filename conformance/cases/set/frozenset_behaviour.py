# frozenset: immutable, hashable, usable as dict key and set member.
f = frozenset([3, 1, 2])
print("sorted:", sorted(f), len(f), 2 in f)
print("no mutators:", [m for m in ("add", "remove", "discard", "pop", "clear", "update") if hasattr(f, m)])
print("hashable:", hash(f) == hash(frozenset({1, 2, 3})), {f: "v"}[frozenset([1, 2, 3])])
print("ops return frozenset:", type(f | {4}).__name__, type(f - {1}).__name__, type(f.union([9])).__name__, type(f.copy()).__name__)
print("copy of frozenset is itself:", f.copy() is f)
print("frozenset(frozenset) is same:", frozenset(f) is f)
print("empty frozensets equal:", frozenset() == frozenset([]), hash(frozenset()) == hash(frozenset([])))
class FS(frozenset):
    pass
sub = FS([1])
print("subclass:", type(sub).__name__, type(sub | {2}).__name__, sub == frozenset([1]))
try:
    f.add(4)
except AttributeError as e:
    print("add:", e)
nested = frozenset([frozenset([1]), frozenset([2])])
print("nested:", sorted(sorted(x) for x in nested))
print("set of sets requires frozenset (equal frozensets collapse):", len({frozenset({1, 2}), frozenset({2, 1})}))
print("hash independent of insertion order:", hash(frozenset([1, 2, 3])) == hash(frozenset([3, 2, 1])))
