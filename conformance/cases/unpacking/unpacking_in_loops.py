# Unpacking targets in for loops, comprehensions and with statements.
pairs = [(1, "a"), (2, "b")]
for n, s in pairs:
    print(n, s)
for i, (n, s) in enumerate(pairs):
    print(i, n, s)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
for first, *rest in ["abc", "de"]:
    print(first, rest)
print([s * n for n, s in pairs])
print({k: v for k, v in [("x", 1), ("y", 2)]})
d = {"a": 1, "b": 2}
for k, v in d.items():
    print(k, v, end="; ")
print()
class CM:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        pass
with CM() as (one, [two, three]):
    print(one, two, three)
matrix = [[1, 2, 3], [4, 5, 6]]
for row in zip(*matrix):
    print(row)
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
