# math-module functions on ints and their argument errors.
import math
print("factorial:", math.factorial(0), math.factorial(20), len(str(math.factorial(300))))
for bad in (-1, 2.0, 2.5, "3"):
    try:
        math.factorial(bad)
    except (ValueError, TypeError) as e:
        print(f"factorial({bad!r}):", type(e).__name__, e)
print("prod:", math.prod(range(1, 11)), math.prod([]), math.prod([2, 3], start=10))
print("gcd many:", math.gcd(12, 18, 30), math.gcd(), math.lcm(4, 6, 10), math.lcm())
try:
    math.gcd(1.0, 2)
except TypeError as e:
    print("gcd float:", e)
print("comb/perm edge:", math.comb(10, 0), math.comb(10, 10), math.perm(5), math.perm(5, 0))
try:
    math.comb(-1, 2)
except ValueError as e:
    print("comb negative:", e)
print("log of big ints:", round(math.log2(2**1000)), round(math.log10(10**500)), round(math.log(10**400), 6))
print("sqrt of big int:", math.sqrt(10**200))
try:
    math.sqrt(10**400)
except OverflowError as e:
    print("sqrt huge:", e)
print("isqrt vs sqrt:", math.isqrt(2**200) == 2**100, math.isqrt(99), math.isqrt(100))
print("copysign/fabs:", math.copysign(3, -0.0), math.fabs(-7))
print("math.trunc/floor/ceil on int:", math.floor(-5), math.ceil(5), math.trunc(-5))
print("sum exactness:", sum([10**20, 1, -10**20]), math.fsum([1e20, 1.0, -1e20]))
