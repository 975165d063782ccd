# Floating-point accumulation: sum() of floats (3.11 is naive left-to-right), fsum, statistics.
import math, statistics
vals = [0.1] * 10
print("sum 0.1*10:", sum(vals), "fsum:", math.fsum(vals))
print("sum with start:", sum([0.5, 0.25], 1.0), sum([], 0.0), type(sum([], 0.0)).__name__)
print("catastrophic cancellation:", sum([1e20, 1.0, -1e20]), math.fsum([1e20, 1.0, -1e20]))
print("alternating:", sum((-1) ** k / (2 * k + 1) for k in range(1000)) * 4)
print("mean/median:", statistics.mean([1.5, 2.5, 3.5]), statistics.median([3.0, 1.0, 2.0, 4.0]))
print("fmean:", statistics.fmean([0.1, 0.2, 0.3]))
x = 0.0
for _ in range(10):
    x += 0.1
print("loop accumulation:", x, x == 1.0, math.isclose(x, 1.0))
print("product:", math.prod([0.5] * 10), math.prod([1e200, 1e200]), math.prod([1e-200, 1e-200]))
print("sum of ints and floats:", sum([1, 2.5, 3]), sum([True, 0.5]))
print("inf/nan in sum:", sum([1.0, float("inf")]), sum([float("inf"), -float("inf")]))
