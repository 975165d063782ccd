# Ordering guarantees of combinatoric iterators (lexicographic by input position) and relationships between them.
from itertools import product, permutations, combinations, combinations_with_replacement
import math
s = "cab"
print("permutations keep input order, not sorted:", ["".join(p) for p in permutations(s)])
print("sorted input gives sorted output:", ["".join(p) for p in permutations(sorted(s))] == sorted("".join(p) for p in permutations(s)))
print("combinations are permutations filtered by position order:",
      sorted(combinations(range(5), 3)) == [p for p in permutations(range(5), 3) if list(p) == sorted(p)])
print("cwr is product filtered:", list(combinations_with_replacement(range(3), 2)) == [p for p in product(range(3), repeat=2) if list(p) == sorted(p)])
print("product is an odometer:", ["".join(map(str, p)) for p in product(range(2), range(3))])
n, r = 6, 3
print("counts:", len(list(permutations(range(n), r))) == math.perm(n, r), len(list(combinations(range(n), r))) == math.comb(n, r),
      len(list(combinations_with_replacement(range(n), r))) == math.comb(n + r - 1, r))
print("product with repeat and multiple iterables:", list(product("ab", [0], repeat=2))[:3])
print("permutations of iterator consumes it fully first:", list(permutations(iter("xy"))))
