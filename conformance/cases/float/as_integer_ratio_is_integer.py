# as_integer_ratio gives the exact value; is_integer; conversions to Fraction/Decimal are exact.
from fractions import Fraction
from decimal import Decimal
for v in [0.5, 0.1, -2.25, 3.0, 1e20, 5e-324, 0.0, -0.0]:
    n, d = v.as_integer_ratio()
    print(repr(v), (n, d) if d < 10**20 else (n, "2**%d" % (d.bit_length() - 1)), n / d == v)
for v in [float("inf"), float("nan")]:
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(repr(v), type(e).__name__, e)
print("is_integer:", [x.is_integer() for x in (1.0, 1.5, -0.0, 1e300, 5e-324, float("inf"), float("nan"))])
print("Fraction exact:", Fraction(0.1), Fraction(0.1).limit_denominator(100))
print("Decimal exact:", Decimal(0.1))
print("Decimal of -0.0:", Decimal(-0.0), "of 1e-5:", Decimal(1e-5))
print("numerator/denominator attributes absent on float:", hasattr(1.5, "numerator"))
print("real/imag/conjugate:", (2.5).real, (2.5).imag, (2.5).conjugate())
print("float.__trunc__/floor/ceil:", (2.7).__trunc__(), (-2.7).__floor__(), (-2.7).__ceil__())
