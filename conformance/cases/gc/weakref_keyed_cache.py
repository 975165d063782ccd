# A cache keyed by weak references that forgets entries when objects die.
import gc
import weakref
class Image:
    def __init__(self, name):
        self.name = name
cache = weakref.WeakKeyDictionary()
def thumbnail(img):
    if img not in cache:
        cache[img] = f"thumb-of-{img.name}"
        print("computed", img.name)
    return cache[img]
a, b = Image("a"), Image("b")
print(thumbnail(a), thumbnail(a), thumbnail(b))
print(len(cache))
del a
gc.collect()
print(len(cache), [k.name for k in cache.keys()])
registry = weakref.WeakValueDictionary()
def get(name):
    obj = registry.get(name)
    if obj is None:
        obj = Image(name)
        registry[name] = obj
        print("created", name)
    return obj
x = get("x"); y = get("x")
print(x is y)
del x, y
gc.collect()
get("x")
