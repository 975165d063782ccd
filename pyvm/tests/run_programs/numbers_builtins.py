z = 1+2j
print(z, repr(z), z.real, z.imag, z.conjugate(), abs(3+4j))
print(z*z, z/2, z-1, 2**0.5, (-8)**(1/3), 1j**2)
print(complex(), complex(1), complex("1+2j"), complex(1, 2), complex(1j, 1j), complex(real=3))
print(hash(1+0j) == hash(1), 1+0j == 1, {1: 'a'}[1+0j], bool(0j), -z)
print(round(2.675, 2), round(3.5), round(12345, -2), divmod(7, -2), divmod(7.5, 2), pow(3, -1, 7), pow(2, 10))
print(bin(10), oct(8), hex(-255), (255).bit_length(), (7).bit_count(), (1.5).hex(), float.fromhex('0x1.8p1'))
print((0.75).as_integer_ratio(), (5).as_integer_ratio(), (3.0).is_integer(), True.real, (5).denominator)
print(int("0x1f", 0), int(" 12_3 "), int(3.9), float("  -inf "), float.__getformat__('double'))
try:
    complex("x")
except ValueError as e:
    print(e)
try:
    z < 1
except TypeError as e:
    print(e)
try:
    z % 2
except TypeError as e:
    print(e)
print(1e308*10, 2.0**0.5, 10**-2, 0j**0)
print(int.from_bytes([1, 0], 'big'))
