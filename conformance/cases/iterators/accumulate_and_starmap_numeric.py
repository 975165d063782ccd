# accumulate with initial/func over numbers, strings and lists; starmap over zip for vectorised operations.
from itertools import accumulate, starmap, repeat
import operator
print("sums/products:", list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul, initial=10)))
print("strings concatenate:", list(accumulate("abc")), list(accumulate(["x", "y"], initial="")))
print("lists accumulate:", list(accumulate([[1], [2], [3]])))
print("balance with payments:", list(accumulate([100, -20, -30, 50], initial=0)))
print("amortization:", [round(b, 2) for b in accumulate(repeat(None, 4), lambda bal, _: bal * 1.05 - 30, initial=100)])
print("running max/min:", list(accumulate([5, 1, 7, 3, 9], max)), list(accumulate([5, 1, 7, 3, 9], min)))
print("empty with initial:", list(accumulate([], initial=7)), list(accumulate([])))
print("starmap:", list(starmap(operator.sub, zip([10, 20], [1, 2]))), list(starmap(divmod, [(7, 2), (-7, 2)])))
print("starmap with str.format:", list(starmap("{}-{}".format, [("a", 1), ("b", 2)])))
try:
    list(accumulate([1, "a"]))
except TypeError as e:
    print("type error mid-stream:", e)
