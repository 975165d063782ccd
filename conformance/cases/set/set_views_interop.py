# Interoperation of sets with dict views, frozensets, and iterables in methods vs operators.
d = {"a": 1, "b": 2, "c": 3}
s = {"b", "c", "z"}
print("keys & set:", sorted(d.keys() & s), "set & keys:", sorted(s & d.keys()))
print("keys | set type:", type(d.keys() | s).__name__, type(s | d.keys()).__name__)
print("keys - set:", sorted(d.keys() - s), "set - keys:", sorted(s - d.keys()))
print("items with set of pairs:", sorted(d.items() & {("a", 1), ("b", 9)}))
print("issubset with view:", {"a"}.issubset(d.keys()), {"a"} <= d.keys(), d.keys() >= {"a", "b"})
print("frozenset op set type follows left operand:", type(frozenset("ab") & {"a"}).__name__, type({"a"} & frozenset("ab")).__name__)
print("methods accept any iterable:", sorted(s.union("xy", ["q"])), sorted(s.intersection(d)), s.isdisjoint(range(3)))
try:
    s & ["b"]
except TypeError as e:
    print("operator rejects list:", e)
try:
    d.keys() & 5
except TypeError as e:
    print("view & int:", e)
print("set(dict) uses keys:", sorted(set(d)), sorted(frozenset(d.values())))
print("set comparison with keys view:", d.keys() == {"a", "b", "c"}, {"a", "b", "c"} == d.keys())
