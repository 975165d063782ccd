# Classic bit tricks on Python ints (arbitrary precision, negative numbers in two's complement view).
def popcount(x):
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c
def lowest_bit(x):
    return x & -x
def is_pow2(x):
    return x > 0 and x & (x - 1) == 0
def reverse_bits(x, width):
    r = 0
    for _ in range(width):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r
def to_twos(x, width):
    return x & ((1 << width) - 1)
def from_twos(x, width):
    return x - (1 << width) if x & (1 << (width - 1)) else x
vals = [0, 1, 6, 255, 1 << 65, (1 << 100) - 1, 12345678901234567890]
print("popcount:", [popcount(v) for v in vals] == [v.bit_count() for v in vals], [popcount(v) for v in vals])
print("lowest bit:", [lowest_bit(v) for v in vals[:5]], lowest_bit(-8), lowest_bit(-12))
print("powers of two:", [v for v in range(70) if is_pow2(v)], is_pow2(1 << 200))
print("reverse bits:", reverse_bits(0b1011, 4), reverse_bits(1, 64) == 1 << 63)
print("two's complement:", to_twos(-1, 8), to_twos(-128, 8), from_twos(0xFF, 8), from_twos(0x7F, 8), hex(to_twos(-2, 64)))
print("sign via shift:", [v >> 200 for v in (5, -5, 0, -(1 << 300))])
a, b = 12, -34
a ^= b
b ^= a
a ^= b
print("xor swap:", a, b)
gray = [i ^ (i >> 1) for i in range(8)]
print("gray code:", gray, all(popcount(a ^ b) == 1 for a, b in zip(gray, gray[1:])))
mask = 0
for bit in (1, 5, 64, 130):
    mask |= 1 << bit
print("bitset members:", [i for i in range(mask.bit_length()) if mask >> i & 1], mask.bit_count())
print("clear bits:", bin(mask & ~(1 << 64))[:10], (mask & ~(1 << 130)).bit_length())
