# Mixed-type arithmetic promotes bool -> int -> float -> complex; Fraction and Decimal rules.
from fractions import Fraction
from decimal import Decimal
pairs = [(True, 1), (1, 2.0), (2, 1j), (1.5, 1j), (True, 0.5), (Fraction(1, 2), 1), (Fraction(1, 2), 0.5),
         (Fraction(1, 2), 1j), (Decimal("1.5"), 2), (Decimal("1.5"), True)]
for a, b in pairs:
    r = a + b
    print(f"{type(a).__name__} + {type(b).__name__} -> {type(r).__name__} {r!r}")
for a, b in [(Decimal("1"), 1.0), (Decimal("1"), Fraction(1, 2)), (Decimal("1"), 1j)]:
    try:
        a + b
    except TypeError as e:
        print(f"{type(a).__name__} + {type(b).__name__} -> {type(e).__name__}")
print("int / int -> float:", type(4 / 2).__name__, 4 / 2)
print("int // int -> int:", type(7 // 2).__name__, "float // int -> float:", type(7.0 // 2).__name__)
print("Fraction / int stays Fraction:", Fraction(1, 3) / 2, type(Fraction(1, 3) ** 2).__name__, type(Fraction(1, 4) ** 0.5).__name__)
print("int ** negative int -> float:", 2 ** -1, type(2 ** -1).__name__)
print("Fraction ** Fraction:", Fraction(4) ** Fraction(1, 2), Fraction(2) ** -2)
print("comparisons across types:", 1 == 1.0 == Fraction(1) == Decimal(1) == 1 + 0j, Fraction(1, 3) < 0.34, Decimal("0.1") == 0.1)
print("Decimal vs float compare:", Decimal("0.5") == 0.5, Decimal("0.1") < 0.1)
