# keys/values/items views: live, set-like operations, mapping attribute, reversed.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
d["d"] = 4
print("views are live:", list(k), list(v), list(i), len(k))
print("keys set ops:", sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print("items set ops:", sorted(i & {("a", 1), ("b", 99)}), ("a", 1) in i, ("a", 2) in i)
print("comparisons:", k == {"a", "b", "c", "d"}, {"a"} < k, k <= k, k.isdisjoint({"x"}))
print("values not set-like:", hasattr(v, "__and__"), v == v, 1 in v)
print("mapping attr:", k.mapping, k.mapping is not d)
print("reversed views:", list(reversed(k)), list(reversed(v)), list(reversed(i)))
try:
    k[0]
except TypeError as e:
    print("not indexable:", e)
print("view reprs:", repr({"x": 1}.keys()), repr({"x": 1}.values()), repr({"x": 1}.items()))
print("isinstance abc:", isinstance(k, __import__("collections.abc").abc.Set), isinstance(v, __import__("collections.abc").abc.Set))
try:
    {"a": [1]}.items() & {("a", 1)}
    print("unhashable value items & works only if hashing needed?")
except TypeError as e:
    print("unhashable item in set op:", e)
print("keys & list:", sorted(d.keys() & ["a", "b", "x"]))
print("iterating items unpack:", [f"{kk}={vv}" for kk, vv in {"p": 1, "q": 2}.items()])
