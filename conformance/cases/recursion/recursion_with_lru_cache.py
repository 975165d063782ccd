# functools.lru_cache on recursive functions reduces depth after warm-up.
import functools
import sys
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
for step in range(0, 3001, 100):
    fib(step)
print(fib(3000) % 1000000007, fib.cache_info().currsize)
@functools.lru_cache(maxsize=None)
def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)
print(count_paths(16, 16))
@functools.cache
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)
print(partitions(100, 100))
