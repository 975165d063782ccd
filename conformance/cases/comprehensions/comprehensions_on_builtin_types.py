# Comprehensions over dicts, sets, strings, bytes, ranges, zip and enumerate.
d = {"a": 1, "b": 2, "c": 3}
print([k for k in d], [v for v in d.values()], [(k, v) for k, v in d.items() if v > 1])
print({v: k for k, v in d.items()})
print(sorted(x * 2 for x in {1, 2, 3}))
print([c for c in "héllo" if c.isalpha()], [b for b in b"\x00\x7f\xff"])
print([i for i in range(10, 0, -2)], [t for t in zip("ab", "xy", "12")])
print([(i, ch) for i, ch in enumerate("abc", 1)])
print({len(s) for s in ["a", "bb", "cc", "ddd"]}, {s: len(s) for s in ("x", "yy")})
matrix = [[i * j for j in range(1, 4)] for i in range(1, 4)]
print(matrix, [sum(col) for col in zip(*matrix)])
print([list(g) for g in (range(n) for n in range(4))])
