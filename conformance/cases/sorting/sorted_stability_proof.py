# Stability checked on every permutation of a small multiset of keyed items.
import itertools
items = [("x", 1), ("y", 0), ("z", 1), ("w", 0)]
ok = True
for perm in itertools.permutations(items):
    out = sorted(perm, key=lambda p: p[1])
    for key in (0, 1):
        in_order = [p for p in perm if p[1] == key]
        out_order = [p for p in out if p[1] == key]
        ok = ok and in_order == out_order
print("stable for all", len(list(itertools.permutations(items))), "permutations:", ok)
print(sorted(items, key=lambda p: p[1]), sorted(reversed(items), key=lambda p: p[1]))
