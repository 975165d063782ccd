# Several finalizers on one object each run once at collection; a dropped weakref never calls back.
import gc
import weakref
class Obj:
    pass
log = []
o = Obj()
for i in range(3):
    weakref.finalize(o, log.append, f"finalizer {i}")
weakref.ref(o, lambda r: log.append("weakref callback"))
keep = weakref.ref(o, lambda r: log.append("kept weakref callback"))
del o
gc.collect()
print(sorted(log))
print(len(log))
