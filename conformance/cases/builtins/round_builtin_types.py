# round() across types: int, float, Fraction, Decimal, bool, custom __round__; return types and ndigits errors.
from fractions import Fraction
from decimal import Decimal
cases = [(7, None), (7, 1), (15, -1), (25, -1), (2.5, None), (2.5, 0), (2.675, 2), (-0.5, None), (Fraction(7, 2), None),
         (Fraction(7, 3), 2), (Decimal("2.5"), None), (Decimal("2.345"), 2), (True, None), (True, 2), (10**20 + 5, -1)]
for v, nd in cases:
    r = round(v) if nd is None else round(v, nd)
    print(f"round({v!r}, {nd}) = {r!r} ({type(r).__name__})")
class Custom:
    def __round__(self, ndigits=None):
        return f"custom({ndigits})"
print(round(Custom()), round(Custom(), 3), round(Custom(), None))
for label, fn in [("round('1')", lambda: round("1")), ("round(1.5, '1')", lambda: round(1.5, "1")),
                  ("round(1, 1.0)", lambda: round(1, 1.0)), ("round(float('inf'))", lambda: round(float("inf"))),
                  ("round(1j)", lambda: round(1j))]:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError, OverflowError) as e:
        print(label, "->", type(e).__name__ + ":", e)
