# functools.reduce and cmp_to_key.
from functools import reduce, cmp_to_key
import operator
print("reduce:", reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6)), reduce(lambda a, b: a + b, ["x"], "init-"))
print("reduce initial on empty:", reduce(operator.add, [], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("empty no initial:", e)
print("order of application:", reduce(lambda a, b: f"({a}{b})", "abcd"))
print("single element:", reduce(operator.add, [42]))
try:
    reduce(1, [1, 2])
except TypeError as e:
    print("non-callable:", e)
def numeric_then_alpha(a, b):
    if a.isdigit() != b.isdigit():
        return -1 if a.isdigit() else 1
    return (a > b) - (a < b)
print("cmp_to_key:", sorted(["b", "2", "a", "10", "1"], key=cmp_to_key(numeric_then_alpha)))
def by_len_desc(a, b):
    return len(b) - len(a)
print("cmp by length desc (stable):", sorted(["aa", "b", "cc", "ddd", "e"], key=cmp_to_key(by_len_desc)))
K = cmp_to_key(lambda a, b: a - b)
print("key objects compare:", K(1) < K(2), K(2) == K(2), K(3) >= K(4))
try:
    hash(K(1))
except TypeError as e:
    print("key not hashable:", type(e).__name__)
print("max with cmp key:", max([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
