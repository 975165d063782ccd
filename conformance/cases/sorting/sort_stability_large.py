# Stability with many equal keys and multiple sort passes on records.
import random
rng = random.Random(7)
records = [(rng.choice("abc"), rng.randint(1, 5), i) for i in range(300)]
by_letter = sorted(records, key=lambda r: r[0])
ok = all(a[2] < b[2] for a, b in zip(by_letter, by_letter[1:]) if a[0] == b[0])
print("stable by letter:", ok)
two_pass = sorted(sorted(records, key=lambda r: r[1]), key=lambda r: r[0])
one_pass = sorted(records, key=lambda r: (r[0], r[1]))
print("two stable passes equal one tuple-key pass:", two_pass == one_pass)
rev = sorted(records, key=lambda r: r[1], reverse=True)
print("reverse keeps ties in original order:", all(a[2] < b[2] for a, b in zip(rev, rev[1:]) if a[1] == b[1]))
print(two_pass[:3], two_pass[-2:])
counts = {}
for r in records:
    counts[r[0]] = counts.get(r[0], 0) + 1
print(sorted(counts.items()))
