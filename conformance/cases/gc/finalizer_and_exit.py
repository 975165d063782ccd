# weakref.finalize with atexit=True runs at interpreter exit in reverse creation order.
import weakref
class Res:
    pass
keep = [Res(), Res(), Res()]
for i, r in enumerate(keep):
    weakref.finalize(r, print, f"finalizer {i} at exit")
silent = Res()
f = weakref.finalize(silent, print, "should not print")
f.atexit = False
print("main body ends")
