# Objects stay alive while referenced from anywhere: containers, closures, frames, generators.
import gc
import weakref
class Thing:
    pass
def alive(r):
    gc.collect()
    return r() is not None
t = Thing(); r = weakref.ref(t)
lst = [t]; del t
print("in list:", alive(r))
lst.clear()
print("after clear:", alive(r))
t = Thing(); r = weakref.ref(t)
def make_closure(obj):
    return lambda: obj
f = make_closure(t); del t
print("in closure:", alive(r))
del f
print("closure dropped:", alive(r))
t = Thing(); r = weakref.ref(t)
def gen(obj):
    yield obj
g = gen(t); del t
print("in unstarted generator:", alive(r))
next(g)
print("in suspended generator:", alive(r))
del g
print("generator dropped:", alive(r))
t = Thing(); r = weakref.ref(t)
t.self = t
del t
print("self cycle before collect is unreachable; after collect:", alive(r))
