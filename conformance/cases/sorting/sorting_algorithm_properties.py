# Sorted output is a permutation, idempotent, and matches a reference merge sort.
import random
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if right[j] < left[i]:
            out.append(right[j]); j += 1
        else:
            out.append(left[i]); i += 1
    return out + left[i:] + right[j:]
rng = random.Random(99)
for size in [0, 1, 2, 10, 100, 1000]:
    xs = [rng.randint(0, size) for _ in range(size)]
    s = sorted(xs)
    print(size, s == merge_sort(xs), sorted(s) == s, sorted(xs, reverse=True) == s[::-1])
pairs = [(rng.randint(0, 3), i) for i in range(50)]
print(sorted(pairs, key=lambda p: p[0]) == merge_sort(pairs) if False else
      [p[1] for p in sorted(pairs, key=lambda p: p[0])][:10])
