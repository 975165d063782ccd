# Decimal and Fraction conversions: from float/str/int, to float/int/str, quantize, limit_denominator.
from decimal import Decimal, getcontext, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN
from fractions import Fraction
print("Decimal from float is exact:", Decimal(0.5), Decimal(1.1))
print("Decimal from str keeps digits:", Decimal("1.10"), Decimal("1.10") == Decimal("1.1"), Decimal("-0"), Decimal(" 3.5 "))
print("Decimal tuple:", Decimal("-1.25").as_tuple())
print("to float/int:", float(Decimal("0.1")), int(Decimal("-7.9")), int(Decimal("1e3")), round(Decimal("2.5")), round(Decimal("3.5")))
q = Decimal("2.675")
print("quantize:", q.quantize(Decimal("0.01")), q.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), q.quantize(Decimal("0.01"), rounding=ROUND_DOWN))
print("context precision:", getcontext().prec, Decimal(1) / Decimal(7))
print("Fraction from float exact:", Fraction(0.1), Fraction(0.1).limit_denominator(10), Fraction(3.75))
print("Fraction from Decimal/str:", Fraction(Decimal("1.1")), Fraction("-3/6"), Fraction("2.5e-1"))
print("Fraction to float/int:", float(Fraction(1, 3)), int(Fraction(-7, 2)), round(Fraction(5, 2)), round(Fraction(7, 3), 2))
print("as_integer_ratio agree:", Decimal("0.75").as_integer_ratio(), Fraction(3, 4).as_integer_ratio(), (0.75).as_integer_ratio())
print("str forms:", str(Fraction(4, 2)), str(Fraction(-1, 3)), str(Decimal("1E+2")), str(Decimal("100")), Decimal("1E+2").normalize(), Decimal("100").normalize())
for bad in ["abc", "1/2"]:
    try:
        Decimal(bad)
    except Exception as e:
        print(f"Decimal({bad!r}):", type(e).__name__)
try:
    Fraction(1.5, 2)
except TypeError as e:
    print("Fraction(float, int):", e)
print("Fraction from inf:", end=" ")
try:
    Fraction(float("inf"))
except OverflowError as e:
    print(e)
