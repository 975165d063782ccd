# Set comparison operators are subset tests (partial order); sorting a list of sets is therefore not meaningful.
a, b, c = {1}, {1, 2}, {3}
print("<, <=, >, >=:", a < b, a <= b, b > a, b >= b, a < a)
print("incomparable:", a < c, a > c, a == c, a != c)
print("sorted uses < only, result depends on input order:", [sorted(s) for s in sorted([b, a, c])], [sorted(s) for s in sorted([c, b, a])])
print("max/min of sets follow the same partial order:", sorted(max([a, b])), sorted(min([b, a])))
print("frozenset vs set comparisons:", frozenset({1}) < {1, 2}, {1} == frozenset({1}), frozenset() <= set())
print("comparison with non-set:", {1} == [1], {1} != (1,))
try:
    {1} < [1, 2]
except TypeError as e:
    print("< with list:", e)
print("issubset accepts any iterable, < does not:", {1}.issubset([1, 2]), {1}.issuperset(()))
print("empty set is subset of everything:", set() <= a, set() < a, set() < set())
