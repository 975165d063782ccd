# Arithmetic exactly at machine-word boundaries (where tagged/small-int fast paths must overflow into big ints).
bounds = [2**30, 2**31, 2**32, 2**53, 2**62, 2**63, 2**64]
rows = []
for b in bounds:
    for v in (b - 1, b, -b, -b - 1):
        rows.append((v + 1 - 1 == v, v * 2 // 2 == v, -(-v) == v, abs(v) == (v if v >= 0 else -v),
                     (v << 1) >> 1 == v, v % 7 == v - (v // 7) * 7, (v * v) // v == v if v else True))
print("identities hold at all boundaries:", all(all(r) for r in rows), len(rows))
M = 2**63
print("sum across boundary:", (M - 1) + 1, -M - 1, (M - 1) * 2 + 2)
print("products:", (2**31) * (2**32), (2**32 - 1) ** 2, -(2**62) * 4, (M - 1) * (M - 1))
print("negation of min:", -(-M), abs(-M), -M // -1, divmod(-M, -1))
print("floordiv/mod signs at min:", -M // 3, -M % 3, (-M) // (M - 1), (-M) % (M - 1))
print("shifts crossing 64 bits:", 1 << 63, 1 << 64, (1 << 64) >> 1, -1 << 63, (-(1 << 63)) >> 63, (2**64 - 1) >> 32)
print("bitwise across boundary:", (M - 1) & -M, (M - 1) | M, (2**64 - 1) ^ (2**63), ~(M - 1))
x = 1
steps = 0
while x < 2**70:
    x = x * 3 + 1
    steps += 1
print("loop growing past word size:", steps, x.bit_length(), x % 1000)
acc = 0
for i in range(200):
    acc += (2**61) + i
print("accumulating near boundary:", acc, acc == 200 * 2**61 + sum(range(200)))
print("int()/str() near boundary:", int(str(M)) == M, str(-M), hex(M - 1), int("-9223372036854775809"))
