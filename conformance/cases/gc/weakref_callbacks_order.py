# Weakref callbacks: called with the dead ref, not called when the ref dies first.
import gc
import weakref
class T:
    pass
log = []
t = T()
r1 = weakref.ref(t, lambda r: log.append("cb1"))
r2 = weakref.ref(t, lambda r: log.append("cb2"))
print(r1 is not r2, r1() is t)
del t
gc.collect()
print(sorted(log))
log.clear()
t2 = T()
r3 = weakref.ref(t2, lambda r: log.append("never"))
del r3
del t2
gc.collect()
print(log)
t3 = T()
plain1, plain2 = weakref.ref(t3), weakref.ref(t3)
print("refs to one object compare equal:", plain1 == plain2, hash(plain1) == hash(plain2))
class Sub(weakref.ref):
    def __init__(self, ob, callback=None, tag=""):
        super().__init__(ob, callback)
        self.tag = tag
s = Sub(t3, None, tag="subclass")
print(s.tag, s() is t3, isinstance(s, weakref.ref))
