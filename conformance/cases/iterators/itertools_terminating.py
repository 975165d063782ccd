# accumulate, chain, compress, dropwhile, takewhile, filterfalse, islice, starmap, tee, zip_longest, pairwise, groupby.
from itertools import (accumulate, chain, compress, dropwhile, takewhile, filterfalse, islice,
                       starmap, tee, zip_longest, pairwise, groupby)
import operator
print("accumulate:", list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print("accumulate max:", list(accumulate([3, 1, 4, 1, 5], max)))
print("chain:", list(chain("ab", [1], ())), list(chain.from_iterable(["xy", "z"])))
print("compress:", list(compress("abcdef", [1, 0, 1, 0, 1])), list(compress(range(5), [0, 1])))
print("dropwhile/takewhile:", list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print("filterfalse:", list(filterfalse(None, [0, 1, "", "a"])), list(filterfalse(lambda x: x % 2, range(6))))
print("islice:", list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 3)), list(islice("ab", 5, 10)))
for args in [(-1,), (0, -1), (0, 5, 0), ("a",)]:
    try:
        islice("abc", *args)
    except ValueError as e:
        print("islice", args, "->", e)
print("starmap:", list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(lambda *a: sum(a), [(), (1, 2, 3)])))
a, b = tee(iter([1, 2, 3]))
print("tee:", list(a), list(b), len(tee("x", 3)))
print("zip_longest:", list(zip_longest("abc", [1])), list(zip_longest("a", "bc", fillvalue="-")))
print("pairwise:", list(pairwise("abcd")), list(pairwise("a")), list(pairwise([])))
print("groupby:", [(k, list(g)) for k, g in groupby("aaabccdaa")])
print("groupby key:", [(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = groupby("aabb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print("groupby previous group invalidated:", k1, list(g1), k2, list(g2))
