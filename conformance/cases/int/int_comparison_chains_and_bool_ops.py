# Comparison chains and boolean operators with ints: evaluation order, short-circuit, and values returned.
log = []
def v(x):
    log.append(x)
    return x
print("chain true:", v(1) < v(2) < v(3), log); log.clear()
print("chain stops early:", v(3) < v(2) < v(1), log); log.clear()
print("middle evaluated once:", v(1) < v(5) > v(2), log); log.clear()
print("and/or return operands:", 0 and v(1), 5 and v(6), 0 or v(7), 8 or v(9), log); log.clear()
print("not and comparison precedence:", not 1 == 2, not (1 == 2), (not 1) == 2)
print("is vs == on small and big ints (equality only):", 10**20 == 10**20, int("256") == 256)
print("mixed chains:", 1 < 2.5 < 3, 1 == 1.0 == True, 0 < 1 != 2 > 1)
print("membership in chains:", 1 in [1] in [[1]], 2 not in [1] in [[1]])
print("bool(int) and truth of results:", [bool(x) for x in (0, -1, 10**50, False)], sum(x > 0 for x in (-1, 0, 1, 2)))
print("ternary with ints:", [("neg" if x < 0 else "zero" if x == 0 else "pos") for x in (-2, 0, 3)])
print("min/max vs chained comparisons:", min(3, 1, 2) < max(3, 1, 2), sorted([3, 1, 2]) == [1, 2, 3])
