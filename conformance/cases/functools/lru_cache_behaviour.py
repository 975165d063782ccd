# functools.lru_cache / cache: hits, misses, maxsize eviction, typed, cache_info, cache_clear.
from functools import lru_cache, cache
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print("computed:", calls)
print("info:", sq.cache_info())
sq.cache_clear()
print("after clear:", sq.cache_info())
@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print("fib(80):", fib(80), fib.cache_info().misses)
@lru_cache(typed=True)
def ident(x):
    calls.append(("typed", x, type(x).__name__))
    return x
calls.clear()
ident(1); ident(1.0); ident(1)
print("typed distinguishes int/float:", calls)
@lru_cache
def kw(a, b=0):
    calls.append((a, b))
    return a + b
calls.clear()
kw(1, 2); kw(1, b=2); kw(a=1, b=2); kw(1, 2)
print("keyword spelling matters:", calls)
try:
    sq([1])
except TypeError as e:
    print("unhashable arg:", e)
print("wrapped/name preserved:", sq.__wrapped__.__name__, sq.__name__)
print("maxsize None info:", lru_cache(maxsize=None)(lambda: 1).cache_info())
print("cache_parameters:", sq.cache_parameters())
@lru_cache(maxsize=0)
def nocache(x):
    calls.append(x)
    return x
calls.clear()
nocache(1); nocache(1)
print("maxsize 0 never caches:", calls, nocache.cache_info())
