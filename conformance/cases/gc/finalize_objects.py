# weakref.finalize: runs once, can be called early, detach, and atexit behaviour.
import gc
import weakref
class Res:
    pass
r = Res()
f = weakref.finalize(r, print, "finalizer ran", 1)
print(f.alive)
del r
gc.collect()
print(f.alive)
r2 = Res()
f2 = weakref.finalize(r2, lambda: print("early call"))
print(f2(), f2.alive, f2())
r3 = Res()
f3 = weakref.finalize(r3, print, "never runs")
info = f3.detach()
print(info is not None, f3.alive, f3.detach())
del r3
gc.collect()
r4 = Res()
f4 = weakref.finalize(r4, print, "runs at exit")
print(f4.atexit)
print("end of main")
