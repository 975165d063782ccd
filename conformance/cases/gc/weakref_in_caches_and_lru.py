# functools.lru_cache keeps arguments alive; a WeakValueDictionary cache does not.
import functools
import gc
import weakref
class Heavy:
    def __init__(self, n):
        self.n = n
@functools.lru_cache(maxsize=None)
def describe(obj):
    return f"heavy {obj.n}"
h = Heavy(1)
r = weakref.ref(h)
print(describe(h))
del h
gc.collect()
print("kept alive by lru_cache:", r() is not None)
describe.cache_clear()
gc.collect()
print("released after cache_clear:", r() is None)
cache = weakref.WeakValueDictionary()
def get(n):
    obj = cache.get(n)
    if obj is None:
        obj = cache[n] = Heavy(n)
    return obj
a = get(5)
print(get(5) is a, len(cache))
del a
gc.collect()
print(len(cache))
