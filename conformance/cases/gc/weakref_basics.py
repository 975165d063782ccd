# weakref.ref: dereferencing, death after the last strong reference goes, callbacks.
import gc
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
o = Obj("first")
r = weakref.ref(o)
print(r() is o, r().name)
def callback(ref):
    print("callback, ref dead:", ref() is None)
r2 = weakref.ref(o, callback)
del o
gc.collect()
print(r(), r2())
print(weakref.getweakrefcount(Obj("x")))
try:
    weakref.ref(42)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref([])
except TypeError as e:
    print("TypeError:", e)
a = Obj("a")
print(weakref.ref(a) == weakref.ref(a), weakref.getweakrefcount(a) >= 0)
