import math
print(math.sqrt(2), math.log(1024, 2), math.log(10**400), math.log10(1000), math.log2(8), math.exp(1))
print(math.factorial(20), math.comb(10, 3), math.perm(5), math.perm(5, 2), math.gcd(12, 18, 27), math.lcm(4, 6), math.isqrt(10**20+1))
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.fsum([0.1]*10), math.prod([1,2,3], start=2), math.hypot(3, 4), math.dist((0,0),(3,4)))
print(math.isclose(1.0, 1.0+1e-10), math.frexp(8.0), math.modf(-2.5), math.ldexp(1.5, 3), math.copysign(1, -0.0), math.fmod(-7, 3), math.remainder(7, 4))
print(math.gamma(5), math.lgamma(10), math.erf(0.5), math.atan2(1, 1), math.degrees(math.pi), math.isnan(math.nan), math.isinf(math.inf))
for f, a in [(math.sqrt, (-1,)), (math.log, (0,)), (math.exp, (1000,)), (math.factorial, (-1,)), (math.factorial, (2.0,)), (math.sin, ('x',)), (math.trunc, ('x',)), (math.sin, ())]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
