# Tuple packing/unpacking idioms: swaps, rotations, multiple return values, star in the middle, nested loops.
a, b, c = 1, 2, 3
a, b = b, a
print("swap:", a, b)
a, b, c = c, a, b
print("rotate:", a, b, c)
def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, mean = stats([4, 8, 15, 16, 23, 42])
print("multiple returns:", lo, hi, mean, type(stats([1])).__name__)
head, *mid, tail = "python"
print("star middle:", head, mid, tail)
*_, last = range(10)
print("discard with *_:", last)
pairs = [(1, "one"), (2, "two")]
for num, (first, *rest) in pairs:
    print("nested loop unpack:", num, first, rest)
matrix = [(1, 2, 3), (4, 5, 6)]
(x1, y1, z1), (x2, y2, z2) = matrix
print("nested assign:", x1 + x2, y1 * y2, z2 - z1)
t = 1,
print("trailing comma makes tuple:", t, type(t).__name__, (1) == 1, () == tuple())
fib = [0, 1]
for _ in range(8):
    a, b = fib[-2:]
    fib.append(a + b)
print("fib via slice unpack:", fib)
