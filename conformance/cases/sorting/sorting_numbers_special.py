# Sorting ints, floats, bools, big ints and negative zero together; infinities.
vals = [3, -1.5, True, 2 ** 70, -2 ** 65, 0.0, -0.0, False, float("inf"), -float("inf"), 1e-300, 7]
s = sorted(vals)
print(s)
print(sorted([0.0, -0.0, 0, False]), sorted([-0.0, 0.0]))
print(sorted([10 ** 20 + 1, 10 ** 20, 1e20]))
from fractions import Fraction
from decimal import Decimal
print(sorted([Fraction(1, 3), 0.3, Decimal("0.33"), 1 / 3]))
print(max([1, 1.0]), min([1.0, 1]), max([True, 1]), type(max([1, True])).__name__)
print(sorted(range(10), key=lambda x: x % 2 == 0))
