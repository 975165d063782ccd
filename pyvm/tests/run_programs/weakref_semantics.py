# gc-stress-interval: 25
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def method(self):
        return "method of " + self.name

    def __repr__(self):
        return "Obj(%r)" % self.name


# ref with a callback
log = []
a = Obj("a")
r = weakref.ref(a, lambda w: log.append(("cb", w is r)))
print(r() is a, r.__callback__ is not None)
del a
gc.collect()
print(r(), log)

def subclasses():
    # refs compare and hash as their referents while alive
    b = Obj("b")
    r1, r2 = weakref.ref(b), weakref.ref(b)
    print(r1 == r2, hash(r1) == hash(b), weakref.getweakrefcount(b) >= 1)
    nr = NamedRef(b, "bee")
    print(type(nr).__name__, nr.label, nr() is b, isinstance(nr, weakref.ref))
    try:
        nr.other = 1
    except AttributeError as e:
        print("AttributeError:", e)
    rd = RefWithDict(b)
    rd.note = "n"
    print(rd.note, rd() is b, rd.__dict__)
    print(CallingRef(b)())
    # WeakMethod
    wm = weakref.WeakMethod(b.method)
    print(wm()(), wm == weakref.WeakMethod(b.method), wm != weakref.WeakMethod(b.method))
    del b, nr, rd, r1, r2
    gc.collect()
    print(wm(), wm == wm)


# subclasses of ref, with slots and a dict
class NamedRef(weakref.ref):
    __slots__ = ("label",)

    def __new__(cls, ob, label, callback=None):
        self = super().__new__(cls, ob, callback)
        self.label = label
        return self

    def __init__(self, ob, label, callback=None):
        super().__init__(ob, callback)


class RefWithDict(weakref.ref):
    pass


class CallingRef(weakref.ref):
    def __call__(self):
        obj = super().__call__()
        return ("wrapped", obj)


subclasses()

# proxies
def proxies():
    c = Obj("c")
    p = weakref.proxy(c)
    print(p.name, p.method(), repr(p).startswith("<weakproxy at "))
    p.name = "c2"
    print(c.name)
    del c
    gc.collect()
    try:
        p.name
    except ReferenceError as e:
        print("ReferenceError:", e)


proxies()

# WeakValueDictionary
wvd = weakref.WeakValueDictionary()
objs = [Obj(str(i)) for i in range(4)]
for o in objs:
    wvd[o.name] = o
print(sorted(wvd.keys()), len(wvd))
del objs[1:3], o
gc.collect()
print(sorted(wvd.keys()), "1" in wvd, wvd.get("1"))

# WeakKeyDictionary
wkd = weakref.WeakKeyDictionary()
k1, k2 = Obj("k1"), Obj("k2")
wkd[k1] = 1
wkd[k2] = 2
print(sorted(v for v in wkd.values()))
del k1
gc.collect()
print(len(wkd), [k.name for k in wkd])

# WeakSet
ws = weakref.WeakSet()
s1, s2 = Obj("s1"), Obj("s2")
ws.add(s1)
ws.add(s2)
print(len(ws), s1 in ws)
del s2
gc.collect()
print(len(ws), [x.name for x in ws])

# finalize
events = []
f_obj = Obj("f")
fin = weakref.finalize(f_obj, events.append, "finalized")
print(fin.alive)
del f_obj
gc.collect()
print(events, fin.alive)

g_obj = Obj("g")
fin2 = weakref.finalize(g_obj, lambda: events.append("called early"))
fin2()
fin2()
print(events, fin2.alive)
d = fin2.detach()
print(d)

# __del__ runs once
class WithDel:
    def __del__(self):
        print("__del__ ran")


x = WithDel()
del x
gc.collect()
gc.collect()
print("after collect")

# errors
try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)

# exceptions in __del__ and callbacks go to sys.unraisablehook
import sys

seen = []
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg))


class BadDel:
    def __del__(self):
        raise ValueError("in __del__")


def bad_callback(r):
    raise KeyError("in callback")


bd = BadDel()
keep = Obj("cb")
wr = weakref.ref(keep, bad_callback)
del bd, keep
gc.collect()
print(sorted(seen))


# finalize at exit
h_obj = Obj("h")
weakref.finalize(h_obj, print, "finalizer at exit")
print("end")
