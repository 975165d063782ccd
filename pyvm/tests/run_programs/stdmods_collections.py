from _collections import deque, defaultdict, _count_elements
import _weakref
import gc

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], list(d), 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([8, 9])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d[1] = "x"
print(d, d.count(2), d.index(3), bool(d), bool(deque()))
d.insert(1, "ins")
d.remove("x")
d.reverse()
print(d, d.copy(), type(d.copy()))
b = deque(range(10), maxlen=3)
print(b, b.maxlen, deque().maxlen)
b.append(10)
b.appendleft(6)
print(b, list(reversed(b)) if False else None)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) != deque([1]))
d.clear()
print(d, type(d).__name__, deque)
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: deque().pop())
t(lambda: deque().popleft())
t(lambda: deque([1])[5])
t(lambda: deque([1])["a"])
t(lambda: deque([], -1))
t(lambda: deque([1]).remove(2))
t(lambda: deque([1]).index(2))
t(lambda: deque([1], 1).insert(0, 2))
rec = deque([1])
rec.append(rec)
print(rec)

dd = defaultdict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"].append(3)
print(dd, dd["a"], len(dd), "c" in dd, dd.default_factory)
print(type(dd), isinstance(dd, dict), sorted(dd.items()), dict(dd))
c = defaultdict(int)
for ch in "hello":
    c[ch] += 1
print(c)
n = defaultdict()
t(lambda: n["missing"])
print(defaultdict(None, {"k": 1}, z=2), defaultdict(str, [("p", "q")]))
cc = c.copy()
print(cc is c, cc, type(cc).__name__)
t(lambda: defaultdict(1))
counts = {}
_count_elements(counts, "abracadabra")
print(counts)

class Obj:
    pass
o = Obj()
r = _weakref.ref(o)
print(r() is o, type(r), _weakref.ref is _weakref.ReferenceType)
fired = []
r2 = _weakref.ref(o, lambda w: fired.append("callback"))
print(_weakref.getweakrefcount(o), len(_weakref.getweakrefs(o)), r2.__callback__ is not None)
del o
for _ in range(3):
    gc.collect()
print(r(), r2(), fired)
t(lambda: _weakref.ref(1))
t(lambda: _weakref.ref([]))
t(lambda: _weakref.ref())
def f():
    return 42
p = _weakref.proxy(f)
print(p(), type(p).__name__)
class Point:
    def __init__(self):
        self.x = 3
pt = Point()
pp = _weakref.proxy(pt)
print(pp.x, type(pp).__name__)
d = {"k": _weakref.ref(Point())}
gc.collect()
_weakref._remove_dead_weakref(d, "k")
print(d)
