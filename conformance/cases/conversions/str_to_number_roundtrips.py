# Conversions between strings and numbers, and their round trips.
for v in [0, -1, 2**63, -(2**100), 123456789]:
    s = str(v)
    print(repr(s), int(s) == v, int(repr(v)) == v, float(s) == v if abs(v) < 2**53 else "big")
for v in [0.0, -0.0, 1.5, 1e-7, 1e22, 1 / 3, float("inf"), -float("inf")]:
    s = str(v)
    print(repr(s), float(s) == v, repr(float(s)))
print("nan round trip:", repr(float(str(float("nan")))))
print("complex round trip:", complex(str(1 + 2j)) == 1 + 2j, complex(repr(-0.5j)), complex(str(complex(1e300, -1e-300))))
print("int() of float strings fails:", end=" ")
try:
    int("1.0")
except ValueError as e:
    print(e)
print("int(float(s)) for float strings:", int(float("1e3")), int(float("-2.9")))
print("hex/oct/bin round trips:", int(hex(255), 16), int(oct(-8), 8), int(bin(5), 2), int(hex(-255), 0))
print("format then parse:", float(format(0.1, ".17g")) == 0.1, float(format(2 / 3, ".3f")))
from decimal import Decimal
from fractions import Fraction
print("Decimal from str exact:", Decimal("0.1") + Decimal("0.2"), Decimal(str(0.1)), str(Decimal("1.10")))
print("Fraction from str:", Fraction("3/4"), Fraction("1.25"), Fraction("-2e-3"), Fraction(" 7 "))
for bad in ["1/0", "a/b", "1.5/2"]:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print("Fraction(%r):" % bad, type(e).__name__, e)
