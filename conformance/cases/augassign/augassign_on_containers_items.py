# Augmented assignment to list items, dict values, nested containers and slices.
grid = [[0] * 3 for _ in range(3)]
for i in range(3):
    grid[i][i] += i + 1
    grid[i][(i + 1) % 3] -= 1
print(grid)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0)
    counts[ch] += 1
print(counts)
nested = {"a": {"b": [1, 2]}}
nested["a"]["b"][1] *= 10
nested["a"]["b"] += [3]
print(nested)
s = [1, 2, 3, 4, 5]
s[1:3] *= 2
print(s)
s[::2] = [x * 100 for x in s[::2]]
print(s)
t = {"k": (1,)}
t["k"] += (2,)
print(t)
import collections
dd = collections.defaultdict(int)
for w in "a b a c a".split():
    dd[w] += 1
print(sorted(dd.items()))
c = collections.Counter(a=1)
c += collections.Counter(a=2, b=1)
c -= collections.Counter(b=5)
print(c)
