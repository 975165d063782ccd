# lru_cache on methods and recursive functions; cache keyed on self; clearing; cache_info as named tuple.
from functools import lru_cache, cache
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
    @lru_cache(maxsize=None)
    def paths(self, x, y):
        if x == 0 or y == 0:
            return 1
        return self.paths(x - 1, y) + self.paths(x, y - 1)
    def __hash__(self):
        return hash((self.w, self.h))
    def __eq__(self, other):
        return (self.w, self.h) == (other.w, other.h)
g = Grid(10, 10)
print("lattice paths:", g.paths(10, 10), Grid.paths.cache_info().currsize > 0)
g2 = Grid(10, 10)
before = Grid.paths.cache_info().hits
g2.paths(10, 10)
print("equal instances share cache entries:", Grid.paths.cache_info().hits > before)
@cache
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)
print("partitions of 60:", partitions(60, 60))
info = partitions.cache_info()
print("info fields:", info._fields, info.maxsize, info.hits > 0)
partitions.cache_clear()
print("cleared:", partitions.cache_info().currsize)
@lru_cache(maxsize=3)
def ident(x):
    return x
for v in [1, 2, 3, 1, 4, 2]:
    ident(v)
print("LRU eviction order (1 recently used, 2 evicted):", ident.cache_info())
