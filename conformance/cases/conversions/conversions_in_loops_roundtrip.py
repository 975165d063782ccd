# Many conversions in loops: int<->str in bases, float<->str, bytes<->int, all must round-trip exactly.
import random
rng = random.Random(2024)
ok = {"int-dec": 0, "int-hex": 0, "int-bin": 0, "float-repr": 0, "float-hex": 0, "bytes": 0, "fraction": 0}
from fractions import Fraction
N = 500
for _ in range(N):
    i = rng.getrandbits(rng.randrange(1, 200)) * rng.choice((1, -1))
    ok["int-dec"] += int(str(i)) == i
    ok["int-hex"] += int(hex(i), 16) == i
    ok["int-bin"] += int(bin(i), 0) == i
    f = rng.uniform(-1e6, 1e6) * 10 ** rng.randrange(-300, 300)
    ok["float-repr"] += float(repr(f)) == f
    ok["float-hex"] += float.fromhex(f.hex()) == f
    n = abs(i)
    ok["bytes"] += int.from_bytes(n.to_bytes((n.bit_length() + 7) // 8, "big"), "big") == n
    ok["fraction"] += float(Fraction(f)) == f
print({k: v == N for k, v in ok.items()})
print("sample values:", str(rng.getrandbits(64)), repr(rng.random()))
