# Insertion order across operations: update, pop/reinsert, copy, comprehension, | and reversed, popitem order.
d = {}
for k in "dcba":
    d[k] = ord(k)
print("insertion order:", list(d))
d.update({"b": 0, "z": 1})
print("update keeps existing positions:", list(d))
d.pop("c")
d["c"] = 3
print("pop then reinsert moves to end:", list(d))
print("copy keeps order:", list(d.copy()), list(dict(d)))
print("comprehension order follows source:", list({k: 1 for k in reversed(list(d))}))
print("| keeps left order and appends new:", list({"x": 1, "y": 2} | {"z": 3, "x": 9}))
print("popitem pops last inserted:", [d.popitem()[0] for _ in range(3)], list(d))
e = dict.fromkeys(range(5))
del e[2]
e[2] = None
print("ints follow insertion not value:", list(e))
print("sorted view of keys:", sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print("json preserves order:", __import__("json").dumps({"z": 1, "a": 2}))
od = dict(sorted({"b": 2, "c": 3, "a": 1}.items()))
print("rebuild sorted dict:", od)
