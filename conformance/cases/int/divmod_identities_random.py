# divmod identities checked over a deterministic pseudo-random sample of big and small, positive and negative ints.
import random
rng = random.Random(12345)
def sample():
    kind = rng.randrange(4)
    if kind == 0:
        return rng.randrange(-100, 101)
    if kind == 1:
        return rng.randrange(-2**64, 2**64)
    if kind == 2:
        return rng.randrange(-2**300, 2**300)
    return rng.choice([1, -1, 2**63 - 1, -2**63, 2**64, 10**40])
ok = {"identity": 0, "sign": 0, "range": 0, "floordiv": 0, "mod": 0}
n = 0
for _ in range(3000):
    a, b = sample(), sample()
    if b == 0:
        continue
    n += 1
    q, r = divmod(a, b)
    ok["identity"] += q * b + r == a
    ok["sign"] += r == 0 or (r > 0) == (b > 0)
    ok["range"] += abs(r) < abs(b)
    ok["floordiv"] += q == a // b
    ok["mod"] += r == a % b
print("samples:", n > 2500, {k: v == n for k, v in ok.items()})
print("first few:", [divmod(a, b) for a, b in [(rng.randrange(-50, 50), rng.randrange(1, 9) * rng.choice([1, -1])) for _ in range(6)]])
print("random is deterministic with a seed:", random.Random(7).randrange(10**6), random.Random(7).getrandbits(70))
