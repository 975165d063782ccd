# Arbitrary-precision arithmetic: factorials, carries, negatives, mixed sizes.
import math
f = math.factorial(50)
print("50!:", f)
print("50! // 48!:", f // math.factorial(48))
a = 2**127 - 1
b = 2**64 + 13
print("a*b:", a * b)
print("a*b // b == a:", (a * b) // b == a, (a * b) % b)
print("carry chain:", (2**256 - 1) + 1 == 2**256, 2**256 - 1 - (2**256 - 2))
print("negative products:", (-a) * b, (-a) * (-b) == a * b)
print("sum of powers:", sum(3**i for i in range(100)) == (3**100 - 1) // 2)
print("gcd/lcm:", math.gcd(2**100, 6**50), math.lcm(2**40, 3**20), math.gcd(0, 0), math.gcd(-12, 18))
print("isqrt:", math.isqrt(10**40), math.isqrt(2**101), math.isqrt(0))
try:
    math.isqrt(-1)
except ValueError as e:
    print("isqrt negative:", e)
print("comb/perm:", math.comb(100, 50), math.perm(10, 3), math.comb(5, 7))
print("fib 300:", (lambda n: (lambda f: f(f, n))(lambda s, k, a=0, b=1: a if k == 0 else s(s, k - 1, b, a + b)))(300))
x = 1
for i in range(1, 60):
    x = x * 31 + i
print("polynomial accumulation:", x)
print("mod of big by small negatives:", (10**50 + 3) % -7, (-(10**50) - 3) % 7)
print("abs/neg of huge:", abs(-(10**60)) == 10**60, -(-(10**60)) == 10**60)
print("digits sum 2**1000:", sum(int(c) for c in str(2**1000)))
print("round trip str->int:", int(str(3**2000)) == 3**2000)
print("int truth & compare:", 10**100 > 10**99, bool(10**100 - 10**100))
