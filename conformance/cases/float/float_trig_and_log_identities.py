# Identities that hold to within a few ulps; results printed as booleans or rounded values to stay portable.
import math
xs = [i / 7 for i in range(-20, 21)]
print("sin^2+cos^2==1:", all(math.isclose(math.sin(x) ** 2 + math.cos(x) ** 2, 1.0, rel_tol=1e-15) for x in xs))
print("exp(log(x))==x:", all(math.isclose(math.exp(math.log(x)), x, rel_tol=1e-15) for x in xs if x > 0))
print("atan2 quadrant signs:", [math.copysign(1, math.atan2(y, x)) for y, x in [(1, 1), (1, -1), (-1, -1), (-1, 1)]])
print("hypot vs sqrt:", all(math.isclose(math.hypot(x, 2 * x), math.sqrt(5) * abs(x)) for x in xs))
print("log identities:", math.isclose(math.log(8, 2), 3), math.log2(2**-1074), math.log10(1e-300))
print("degrees/radians inverse:", all(math.isclose(math.degrees(math.radians(d)), d) for d in range(-720, 721, 45)))
print("tanh saturates:", math.tanh(20.0), math.tanh(-20.0), math.tanh(0.0))
print("cosh/sinh relation:", all(math.isclose(math.cosh(x) ** 2 - math.sinh(x) ** 2, 1, rel_tol=1e-12) for x in xs))
print("rounded values:", round(math.sin(1), 12), round(math.cos(1), 12), round(math.tan(1), 12), round(math.exp(1), 12))
