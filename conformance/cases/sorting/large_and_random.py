# Sorting larger inputs generated from a fixed seed; results summarised by checksums.
import random
rng = random.Random(12345)
data = [rng.randint(-1000, 1000) for _ in range(5000)]
s = sorted(data)
print(s[:5], s[-5:], len(s))
print(all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(sum(i * v for i, v in enumerate(s)) % 1000003)
pairs = [(rng.randint(0, 9), i) for i in range(2000)]
stable = sorted(pairs, key=lambda p: p[0])
print(all(a[1] < b[1] for a, b in zip(stable, stable[1:]) if a[0] == b[0]))
floats = [rng.random() for _ in range(1000)]
fs = sorted(floats)
print(fs[0] == min(floats), fs[-1] == max(floats))
strings = ["".join(rng.choice("abcde") for _ in range(rng.randint(0, 6))) for _ in range(500)]
ss = sorted(strings)
print(ss[:6], ss[-3:])
runs = list(range(1000)) + list(range(500)) + list(range(999, -1, -1))
print(sorted(runs)[::250])
