# Dict operations whose key types change during a loop (int -> str -> tuple -> float), with lookups after each phase.
d = {}
for i in range(30):
    phase = i // 10
    key = i if phase == 0 else str(i) if phase == 1 else (i, "t")
    d[key] = i * i
print("sizes:", len(d), "int keys:", sum(isinstance(k, int) for k in d), "str keys:", sum(isinstance(k, str) for k in d))
print("lookups across types:", d[5], d["15"], d[(25, "t")], d.get(15), d.get("5"))
d[5.0] = "float replaces int value"
d[True] = "bool collides with 1"
print("numeric collisions:", d[5], d[1], len(d))
hits = 0
for probe in list(range(12)) + ["3", "13", (21, "t"), 3.0, 2.5]:
    hits += probe in d
print("mixed probes hit:", hits)
for k in [k for k in d if isinstance(k, str)]:
    del d[k]
print("after deleting str keys:", len(d), list(d)[:5], list(d)[-3:])
counts = {}
for token in [1, "1", 1.0, (1,), "1", True, 2]:
    counts[token] = counts.get(token, 0) + 1
print("counting mixed tokens:", counts)
