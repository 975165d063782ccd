# Iterating containers that change: lists tolerate it (index-based), dicts/sets raise, deques raise, strings are immutable.
from collections import deque
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if x == 1:
        l.append(4)
    if len(out) > 10:
        break
print("list grows during iteration:", out)
l = [1, 2, 3, 4]
out = []
for x in l:
    out.append(x)
    if x == 2:
        l.remove(x)
print("removing current skips next:", out, l)
for name, container, mutate in [("dict", {1: 1, 2: 2}, lambda c: c.__setitem__(99, 0)),
                                 ("set", {1, 2}, lambda c: c.add(99)),
                                 ("deque", deque([1, 2]), lambda c: c.append(99))]:
    try:
        for _ in container:
            mutate(container)
    except RuntimeError as e:
        print(f"{name}: RuntimeError: {e}")
d = {1: "a", 2: "b"}
for k in list(d):
    d[k * 10] = d.pop(k)
print("iterate over a snapshot:", d)
s = "abc"
it = iter(s)
s += "d"
print("string iterator unaffected by rebinding:", list(it), s)
