# set algebra via operators and methods; results printed sorted (string order is not defined).
a, b = {1, 2, 3, 4}, {3, 4, 5}
print("union:", sorted(a | b), sorted(a.union(b, [9])))
print("intersection:", sorted(a & b), sorted(a.intersection(b, {4})))
print("difference:", sorted(a - b), sorted(a.difference(b, {1})))
print("symmetric:", sorted(a ^ b), sorted(a.symmetric_difference(b)))
print("methods take iterables:", sorted(a.union([7])), sorted(a.intersection(range(3))))
try:
    a | [5]
except TypeError as e:
    print("operator needs set:", e)
print("subset/superset:", {1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > a, {1}.issubset([1, 2]), a.issuperset(range(1, 3)))
print("disjoint:", a.isdisjoint({9}), a.isdisjoint([1]))
print("comparison not total:", {1, 2} < {2, 3}, {1, 2} > {2, 3}, {1, 2} == {2, 3})
c = {1, 2}
c |= {3}
c &= {2, 3, 4}
c -= {9}
c ^= {5}
print("in-place:", sorted(c))
c.update([10], (11,))
c.intersection_update(range(20))
c.difference_update({10})
c.symmetric_difference_update({2, 99})
print("update methods:", sorted(c))
print("set == frozenset:", {1, 2} == frozenset({1, 2}), type({1} | frozenset({2})).__name__, type(frozenset({2}) | {1}).__name__)
print("empty set repr:", set(), frozenset(), repr({1}), repr(frozenset({1})))
