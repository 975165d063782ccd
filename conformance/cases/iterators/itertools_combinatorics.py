# product, permutations, combinations, combinations_with_replacement.
from itertools import product, permutations, combinations, combinations_with_replacement as cwr
print("product:", list(product("ab", [1, 2])), list(product("ab", repeat=2))[:3], list(product()), list(product("a", [])))
print("product count:", len(list(product(range(3), repeat=3))))
print("permutations:", list(permutations("abc", 2)), len(list(permutations(range(4)))), list(permutations("ab", 3)), list(permutations([], 0)))
print("combinations:", list(combinations("abcd", 2)), list(combinations(range(3), 0)), list(combinations("ab", 3)))
print("cwr:", list(cwr("ab", 2)), len(list(cwr(range(4), 3))))
print("order is lexicographic by position:", list(combinations([3, 1, 2], 2)))
print("duplicates treated by position:", list(permutations("aa")))
for label, fn in [
    ("permutations('ab', -1)", lambda: permutations("ab", -1)),
    ("combinations('ab')", lambda: combinations("ab")),
    ("product('a', repeat=-1)", lambda: list(product("a", repeat=-1))),
    ("combinations('ab', -1)", lambda: combinations("ab", -1)),
]:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
import math
print("counts match math:", len(list(combinations(range(10), 4))) == math.comb(10, 4), len(list(permutations(range(6), 3))) == math.perm(6, 3))
