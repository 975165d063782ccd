# functools.reduce with many operator functions and initial values; associativity matters for non-associative ops.
from functools import reduce
import operator
nums = [8, 4, 2]
for name in ("add", "sub", "mul", "truediv", "floordiv", "pow", "and_", "or_", "xor", "lshift", "rshift", "mod"):
    fn = getattr(operator, name)
    try:
        print(f"{name:9} left-fold={reduce(fn, nums)!r:>12} with initial 1={reduce(fn, nums, 1)!r:>20}")
    except ZeroDivisionError as e:
        print(f"{name:9} ZeroDivisionError: {e}")
def right_fold(fn, seq, init):
    return reduce(lambda acc, x: fn(x, acc), reversed(seq), init)
print("right fold sub:", right_fold(operator.sub, [8, 4, 2], 0), "left fold sub:", reduce(operator.sub, [8, 4, 2], 0))
print("string building:", reduce(operator.add, "abc", ">"), reduce(lambda a, b: b + a, "abc"))
print("reduce over dict items:", reduce(lambda acc, kv: acc + kv[1], {"a": 1, "b": 2}.items(), 0))
print("reduce keyword arguments not accepted:", end=" ")
try:
    reduce(function=operator.add, iterable=[1])
except TypeError as e:
    print(e)
