# Sets under heavy add/remove churn keep exact membership; summaries printed as sorted slices and counts.
s = set()
for i in range(20000):
    s.add(i * 7 % 1009)
    if i % 5 == 0:
        s.discard(i % 1009)
print("size after churn:", len(s), sorted(s)[:5], sorted(s)[-3:])
seen, dupes = set(), []
for x in [i * i % 97 for i in range(200)]:
    if x in seen:
        dupes.append(x)
    seen.add(x)
print("quadratic residues mod 97:", len(seen), "first dupes:", dupes[:5])
a = set(range(0, 1000, 2))
b = set(range(0, 1000, 3))
for _ in range(3):
    a, b = a ^ b, a & b
print("repeated ^ and &:", len(a), len(b), sorted(a)[:5], sorted(b)[:5])
words = set()
for i in range(500):
    words.add(f"w{i % 123}")
words -= {f"w{i}" for i in range(0, 123, 2)}
print("string churn:", len(words), sorted(words)[:4])
frozen = frozenset(s)
print("frozen snapshot unaffected:", (lambda: (s.clear(), len(frozen))[1])(), len(s))
