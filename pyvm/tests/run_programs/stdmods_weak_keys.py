from _collections import deque
import _weakref
import gc

class Obj:
    pass
a, b = Obj(), Obj()
ra1, ra2, rb = _weakref.ref(a), _weakref.ref(a), _weakref.ref(b)
print(ra1 == ra2, ra1 == rb, ra1 != rb, hash(ra1) == hash(a), hash(ra1) == hash(ra2))
s = {ra1}
print(ra2 in s, rb in s, len({ra1, ra2, rb}))
d = {ra1: "a"}
print(d[ra2], d.get(rb))
h = hash(rb)
del b
gc.collect()
print(rb() is None, hash(rb) == h, rb == _weakref.ref(a), rb == rb)
print(deque([1, 2]) + deque([3]), deque("ab") * 2, deque([1], 3) + deque([2, 3, 4]))
try:
    deque([1]) + [2]
except TypeError as e:
    print("TypeError", e)
