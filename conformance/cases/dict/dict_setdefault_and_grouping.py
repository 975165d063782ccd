# Idioms built on dict methods: grouping, counting, inverting, nested defaults, merging precedence.
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print("setdefault grouping:", groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print("get counting:", counts)
inverted = {}
for k, v in counts.items():
    inverted.setdefault(v, []).append(k)
print("inverted:", inverted)
nested = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = nested
    for part in path.split("/"):
        node = node.setdefault(part, {})
print("tree:", nested)
defaults = {"color": "red", "size": "M", "qty": 1}
user = {"size": "L"}
cli = {"qty": 3}
print("merge precedence |:", defaults | user | cli)
print("merge precedence **:", {**defaults, **user, **cli})
merged = dict(defaults)
merged.update(user, **cli)
print("merge via update:", merged)
print("max by value:", max(counts, key=counts.get), sorted(counts, key=lambda k: (-counts[k], k)))
print("dict from two lists:", dict(zip(["x", "y", "z"], [1, 2])))
print("filter dict:", {k: v for k, v in counts.items() if v > 1})
print("sum values / any keys:", sum(counts.values()), any(k > "r" for k in counts))
