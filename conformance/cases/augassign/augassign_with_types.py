# Augmented operators across numeric types, bools and big integers.
n = 10
n /= 4
print(n, type(n).__name__)
m = 7
m //= 2.0
print(m, type(m).__name__)
b = True
b += 1
print(b, type(b).__name__)
c = 1 + 2j
c *= 2j
print(c)
big = 10 ** 30
big -= 1
big //= 7
print(big, big % 1000)
f = 2.0
f **= 0.5
print(f)
neg = -17
neg %= 5
print(neg)
neg2 = 17
neg2 %= -5
print(neg2)
x = 0b1010
x ^= x
print(x)
y = 1
y <<= 100
y >>= 98
print(y)
