# math functions on floats: domain errors, special values, exactness.
import math
print("trig:", math.sin(0.0), math.cos(0.0), round(math.sin(math.pi / 6), 12), math.atan2(1, 1) == math.pi / 4)
print("atan2 signs:", math.atan2(0.0, -1.0), math.atan2(-0.0, -1.0), math.atan2(-0.0, 0.0))
print("exp/log:", math.exp(0), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0.0))
print("expm1 small:", math.expm1(1e-10))
print("pow/sqrt:", math.pow(2, 0.5) == math.sqrt(2), math.pow(4, 0.5))
print("hypot/dist:", math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print("degrees/radians:", math.degrees(math.pi), math.radians(180) == math.pi)
print("frexp/ldexp:", math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4), math.modf(-3.25))
print("floor/ceil/trunc types:", math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), type(math.floor(2.7)).__name__)
print("gamma/lgamma/erf:", math.gamma(5), math.lgamma(1), round(math.erf(1), 10), math.erfc(0))
print("fsum precision:", math.fsum([1e100, 1.0, -1e100]), math.fsum([0.1] * 10))
print("constants:", math.pi, math.e, math.tau, math.inf, math.nan)
for name, args in [("sqrt", (-1.0,)), ("log", (0.0,)), ("log", (-1.0,)), ("acos", (2.0,)), ("pow", (0.0, -1.0)),
                   ("gamma", (0.0,)), ("fmod", (1.0, 0.0)), ("exp", (1000.0,)), ("ldexp", (1.0, 5000))]:
    try:
        print(name, args, "->", getattr(math, name)(*args))
    except (ValueError, OverflowError) as e:
        print(name, args, "->", type(e).__name__, e)
print("special inputs:", math.exp(-math.inf), math.atan(math.inf) == math.pi / 2, math.sqrt(math.inf), math.isnan(math.sin(math.nan)))
try:
    math.sin(math.inf)
except ValueError as e:
    print("sin(inf):", e)
print("copysign/fabs:", math.copysign(1.0, -0.0), math.fabs(-math.inf))
print("cbrt-like via pow:", round(27 ** (1 / 3), 12))
