# IEEE-754 arithmetic edges: signed zero, infinity, nan propagation, overflow errors.
import math
inf, nan = float("inf"), float("nan")
print("inf arithmetic:", inf + 1, inf - inf, inf * 0, inf / inf, -inf * -1, 1 / inf, -1 / inf)
print("nan propagation:", nan + 1, nan * 0, math.isnan(nan - nan), nan == nan, nan is nan)
print("signed zero:", 0.0 == -0.0, math.copysign(1, -0.0), -0.0 + 0.0, -0.0 - 0.0, -0.0 * 1, 0.0 * -1)
try:
    1.0 / 0.0
except ZeroDivisionError as e:
    print("1.0/0.0:", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("1.0//0.0:", e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print("1.0%0.0:", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("0.0**-1:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("10.0**400:", type(e).__name__)
print("1e308*10 is inf (no error):", 1e308 * 10, -1e308 * 10)
print("underflow:", 1e-320 / 1e10, 5e-324 / 2)
print("float mod sign:", 5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 % -2, math.fmod(-5.5, 2))
print("float floordiv:", 5.5 // 2, -5.5 // 2, divmod(-5.5, 2), divmod(7.0, -2.0))
print("mod tiny negative:", -1e-20 % 1.0, (-0.0) % 1.0, 0.0 % -1.0)
print("inf mod/floordiv:", 5.0 % inf, -5.0 % inf, 5.0 // inf, -5.0 // inf)
print("pow specials:", 1.0 ** nan, nan ** 0, inf ** 0, (-1.0) ** inf, 0.5 ** inf, 2.0 ** -inf)
print("negative base fractional -> complex:", (-8.0) ** (1 / 3))
try:
    math.sqrt(-1)
except ValueError as e:
    print("sqrt(-1):", e)
print("math on inf/nan:", math.isinf(inf), math.isfinite(nan), math.floor(2.5), math.ceil(-2.5))
try:
    math.floor(inf)
except OverflowError as e:
    print("floor(inf):", e)
print("sum/fsum:", sum([0.1] * 10), math.fsum([0.1] * 10), 0.1 * 3 == 0.3)
