# float -> int conversions: int() truncates, round() half-even, math.floor/ceil, divmod-based.
import math
vals = [2.5, -2.5, 3.5, -3.5, 2.4999999, 0.5, -0.5, 1e16 + 0.5, -7.9]
for v in vals:
    print(f"{v!r:22} int={int(v)} round={round(v)} floor={math.floor(v)} ceil={math.ceil(v)} trunc={math.trunc(v)}")
print("round to tens:", round(15, -1), round(25, -1), round(15.0, -1), round(25.0, -1))
print("Fraction rounding:", round(__import__("fractions").Fraction(5, 2)), round(__import__("fractions").Fraction(7, 2)))
print("Decimal rounding:", round(__import__("decimal").Decimal("2.5")), round(__import__("decimal").Decimal("2.675"), 2))
print("int of huge float exact:", int(1e30), int(-1.5e20))
print("float -> int -> float loses fraction:", float(int(3.99)))
print("int(True + 0.5):", int(True + 0.5))
print("bankers rounding sum:", sum(round(x + 0.5) for x in range(10)))
