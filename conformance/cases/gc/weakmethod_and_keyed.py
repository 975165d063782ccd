# WeakMethod keeps bound methods alive only as long as their object; weak keys by identity.
import gc
import weakref
class Handler:
    def __init__(self, name):
        self.name = name
    def handle(self):
        return f"handled by {self.name}"
h = Handler("h1")
wm = weakref.WeakMethod(h.handle)
print(wm()())
plain = weakref.ref(h.handle)
gc.collect()
print("plain ref to a bound method dies at once:", plain() is None)
del h
gc.collect()
print("WeakMethod after owner died:", wm())
class Key:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n
    def __hash__(self):
        return hash(self.n)
k1, k2 = Key(1), Key(1)
wkd = weakref.WeakKeyDictionary()
wkd[k1] = "first"
wkd[k2] = "second"
print(len(wkd), wkd[k1])
del k1
gc.collect()
print(len(wkd), wkd.get(k2))
