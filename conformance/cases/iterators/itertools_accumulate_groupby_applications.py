# Applications: run-length encoding with groupby, prefix sums with accumulate, sliding windows, round-robin.
from itertools import groupby, accumulate, islice, cycle, chain, zip_longest, count, repeat
import operator
def rle(s):
    return [(ch, len(list(g))) for ch, g in groupby(s)]
def unrle(pairs):
    return "".join(ch * n for ch, n in pairs)
enc = rle("aaabccddddde")
print("rle:", enc, unrle(enc) == "aaabccddddde")
data = [3, 1, 4, 1, 5, 9, 2, 6]
prefix = list(accumulate(data, initial=0))
print("prefix sums:", prefix, "range sum [2,5):", prefix[5] - prefix[2])
print("running product/min:", list(accumulate(data, operator.mul))[:4], list(accumulate(data, min)))
def roundrobin(*iterables):
    sentinel = object()
    for group in zip_longest(*iterables, fillvalue=sentinel):
        yield from (x for x in group if x is not sentinel)
print("roundrobin:", list(roundrobin("ABC", "D", "EF")))
print("cycle with islice batching:", [list(islice(c, 3)) for c in [cycle("xy")] for _ in range(2)])
words = sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda w: w[0])
print("groupby sorted first letter:", {k: list(g) for k, g in groupby(words, key=lambda w: w[0])})
print("groupby unsorted splits:", [k for k, _ in groupby([1, 1, 2, 1])])
print("enumerate via zip(count()):", list(zip(count(1), "ab")))
print("repeat for constant column:", list(zip("abc", repeat(0))))
print("flatten one level:", list(chain.from_iterable([[1, 2], (3,), "45"])))
