# Views reflect later mutations; len/contains/iteration of a view taken before changes.
d = {"a": 1}
keys, values, items = d.keys(), d.values(), d.items()
d["b"] = 2
d["a"] = 10
del d["a"]
d.update(c=3)
print("keys:", list(keys), "values:", list(values), "items:", list(items), "len:", len(keys))
print("contains:", "a" in keys, "c" in keys, 3 in values, ("b", 2) in items, ("b", 3) in items)
d.clear()
print("after clear:", list(keys), len(values), bool(items))
d["z"] = 26
print("refill:", list(items))
it = iter(d.values())
d["y"] = 25
try:
    next(it)
except RuntimeError as e:
    print("iterator over view after insert:", e)
print("set ops produce new sets, not views:", type(d.keys() | set()).__name__, type(d.items() - set()).__name__)
frozen = dict(d)
d["x"] = 24
print("copy is independent of later changes:", list(frozen), list(d))
