# Composing reduce, partial, operator and itertools into small pipelines.
from functools import reduce, partial
from itertools import accumulate, starmap
import operator
print("factorial via reduce:", reduce(operator.mul, range(1, 21), 1))
print("flatten via reduce:", reduce(operator.concat, [[1], [2, 3], [], [4]], []))
print("max via reduce:", reduce(lambda a, b: a if a >= b else b, [3, 9, 2, 9, 1]))
print("dict merge via reduce:", reduce(operator.or_, [{"a": 1}, {"b": 2}, {"a": 3}]))
print("set intersection via reduce:", sorted(reduce(set.intersection, [{1, 2, 3}, {2, 3, 4}, {3, 2, 9}])))
print("horner's rule:", reduce(lambda acc, c: acc * 10 + c, [4, 0, 9, 6]))
print("gcd of list:", reduce(__import__("math").gcd, [84, 126, 210]))
to_int_base2 = partial(int, base=2)
print("partial int:", list(map(to_int_base2, ["101", "111", "0"])))
clamp = partial(lambda lo, hi, x: max(lo, min(hi, x)), 0, 10)
print("partial clamp:", [clamp(x) for x in (-5, 5, 15)])
print("running max:", list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)))
print("pairwise products:", list(starmap(operator.mul, zip([1, 2, 3], [4, 5, 6]))))
compose2 = lambda f, g: lambda *a: f(g(*a))
pipeline = reduce(compose2, [str, partial(operator.add, 1), abs])
print("composed pipeline:", pipeline(-41), type(pipeline(-41)).__name__)
