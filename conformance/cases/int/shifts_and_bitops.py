# Shifts and bitwise operators on arbitrary-precision two's-complement ints.
print("shifts:", 1 << 100, (1 << 100) >> 99, -1 >> 100, -(1 << 70) >> 3, 5 >> 10)
print("negative right shift rounds down:", -5 >> 1, -1 >> 1, -8 >> 2, -9 >> 2)
try:
    1 << -1
except ValueError as e:
    print("negative shift:", e)
try:
    1 >> -5
except ValueError as e:
    print("negative rshift:", e)
print("0 << huge:", 0 << 10**6)
print("and/or/xor:", 12 & 10, 12 | 10, 12 ^ 10, ~12)
print("negative bitops:", -12 & 10, -12 | 10, -12 ^ 10, -1 & 0xFF, ~-1)
big = (1 << 80) - 1
print("big masks:", big & 0xF0F0, big ^ (1 << 79), (-big) & (1 << 81) - 1)
print("mixed sign big:", -(1 << 90) | 1, (-(1 << 90)) & ((1 << 95) - 1) == (1 << 95) - (1 << 90))
print("invert identity:", all(~x == -x - 1 for x in range(-300, 300, 7)))
print("bool bitops:", True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
try:
    1 & 1.0
except TypeError as e:
    print("float bitop:", e)
try:
    ~1.5
except TypeError as e:
    print("float invert:", e)
print("bit_count:", (255).bit_count(), (-255).bit_count(), (1 << 200).bit_count(), (0).bit_count())
print("bit_length:", [(x, x.bit_length()) for x in (0, 1, -1, 255, 256, -256, 2**64)])
