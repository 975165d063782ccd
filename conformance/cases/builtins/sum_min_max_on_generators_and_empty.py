# Reductions over generators and empty inputs; start values; large generator sums stay exact for ints.
print("sum of generator:", sum(i * i for i in range(1000)), sum(x / 10 for x in range(10)))
print("sum exact big ints:", sum(10**18 + i for i in range(1000)) == 1000 * 10**18 + 499500)
print("empty:", sum([]), sum([], 0.0), sum((), []), max([], default=None), min((), default="none"))
print("sum of lists with start:", sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print("any/all on generators stop early:", any(x > 2 for x in range(10**9)), all(x < 2 for x in range(10**9)))
print("max of generator with key:", max((w for w in ["aa", "b", "ccc"]), key=len), min(iter("zyx")))
print("sum of Decimals and Fractions:", sum([__import__("decimal").Decimal("0.1")] * 3), sum(__import__("fractions").Fraction(1, n) for n in (2, 3, 6)))
print("mean via sum/len with ints:", sum([1, 2, 3, 4]) / len([1, 2, 3, 4]))
try:
    sum(["a", "b"])
except TypeError as e:
    print("sum of strings without start:", e)
print("sum of bools counts:", sum(c.isupper() for c in "Hello World"))
