# math.fsum exactness vs sum, Kahan summation written here, and prod/dist/hypot accuracy on floats.
import math
def kahan(values):
    total, comp = 0.0, 0.0
    for v in values:
        y = v - comp
        t = total + y
        comp = (t - total) - y
        total = t
    return total
data = [0.1] * 10 + [1e16, 1.0, -1e16]
print("sum:", sum(data), "fsum:", math.fsum(data), "kahan:", kahan(data))
try:
    print(math.fsum([1e308, 1e308, -1e308]))
except OverflowError as e:
    print("fsum intermediate overflow:", e)
print("fsum with inf:", math.fsum([math.inf, 1.0]), math.isnan(math.fsum([math.nan, 1.0])))
try:
    math.fsum([math.inf, -math.inf])
except ValueError as e:
    print("inf - inf in fsum:", e)
print("prod:", math.prod([0.1] * 3), math.prod([2.0] * 1024), math.prod([]))
print("hypot avoids overflow/underflow:", math.isclose(math.hypot(3e200, 4e200), 5e200), math.isclose(math.hypot(1e-200, 1e-200), 2 ** 0.5 * 1e-200), math.hypot(), math.hypot(3, 4))
print("dist:", math.dist([0.0, 0.0, 0.0], [1.0, 2.0, 2.0]))
print("sumprod via fsum:", math.fsum(a * b for a, b in zip([0.1, 0.2], [10.0, 10.0])))
