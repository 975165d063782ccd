# abs, divmod, pow: results across numeric types and CPython's error messages.
print("abs:", abs(-3), abs(-2.5), abs(3 - 4j), abs(True), abs(-0.0), abs(-10**30))
from fractions import Fraction
print("abs Fraction:", abs(Fraction(-1, 3)))
print("divmod:", divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(True, 2))
print("pow:", pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-8, 1 / 3) == (-8) ** (1 / 3), pow(3, 4, 5))
calls = [
    ("abs('x')", lambda: abs("x")),
    ("abs()", lambda: abs()),
    ("abs(1, 2)", lambda: abs(1, 2)),
    ("divmod(1)", lambda: divmod(1)),
    ("divmod('a', 1)", lambda: divmod("a", 1)),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("divmod(1.0, 0)", lambda: divmod(1.0, 0)),
    ("pow(1)", lambda: pow(1)),
    ("pow('a', 2)", lambda: pow("a", 2)),
    ("pow(2, 2, 2.0)", lambda: pow(2, 2, 2.0)),
    ("pow(2, 0.5, 3)", lambda: pow(2, 0.5, 3)),
    ("pow(0, -1, 5)", lambda: pow(0, -1, 5)),
    ("pow(x=1)", lambda: pow(x=1)),
]
for label, fn in calls:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(label, "->", type(e).__name__ + ":", e)
