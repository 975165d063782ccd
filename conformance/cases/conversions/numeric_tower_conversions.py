# numbers ABCs and explicit conversions up/down the numeric tower; what int()/float()/complex() accept.
import numbers
from fractions import Fraction
from decimal import Decimal
values = [True, 7, 2.5, Fraction(3, 4), Decimal("1.5"), 1 + 2j]
for v in values:
    kinds = [abc.__name__ for abc in (numbers.Integral, numbers.Rational, numbers.Real, numbers.Complex, numbers.Number) if isinstance(v, abc)]
    conv = []
    for fn in (int, float, complex, Fraction):
        try:
            conv.append(f"{fn.__name__}={fn(v)!r}")
        except (TypeError, ValueError) as e:
            conv.append(f"{fn.__name__}=<{type(e).__name__}>")
    print(f"{type(v).__name__:8} {kinds} {' '.join(conv)}")
print("Decimal is not registered as Real:", isinstance(Decimal(1), numbers.Real), isinstance(Decimal(1), numbers.Number))
print("Fraction(Decimal) exact:", Fraction(Decimal("0.1")), "Fraction(float) exact:", Fraction(0.1) == Fraction(3602879701896397, 2**55))
print("numerator/denominator on ints and Fractions:", (6).numerator, (6).denominator, Fraction(6, 4).numerator, Fraction(6, 4).denominator)
