# hash() contract across numeric types: equal values hash equal; Fraction/Decimal/float/int/complex/bool.
from fractions import Fraction
from decimal import Decimal
groups = [
    [1, 1.0, True, Fraction(1), Decimal(1), 1 + 0j],
    [0, 0.0, -0.0, False, Fraction(0), Decimal("0.00"), 0j],
    [0.5, Fraction(1, 2), Decimal("0.5"), complex(0.5, 0)],
    [2**64, float(2**64), Fraction(2**64), Decimal(2**64)],
    [-3, -3.0, Fraction(-3), Decimal("-3.0")],
]
for g in groups:
    print([type(v).__name__ for v in g], "all equal:", all(a == b for a in g for b in g), "one hash:", len({hash(v) for v in g}) == 1)
print("hash(Fraction(1, 3)) == hash(float)?", hash(Fraction(1, 3)) == hash(1 / 3), Fraction(1, 3) == 1 / 3)
print("inf/nan:", hash(float("inf")) == hash(Decimal("Infinity")), hash(float("-inf")))
try:
    hash(Decimal("sNaN"))
except TypeError as e:
    print("signaling NaN:", e)
print("complex hash combines parts:", hash(1 + 1j) == hash(1 + 1j), hash(1j) != hash(1))
print("tuple hashes depend on elements:", hash((1, 2.0)) == hash((1.0, 2)), hash((1, 2)) != hash((2, 1)))
