# add/remove/discard/pop/clear/copy and error cases.
s = {3}
s.add(1)
s.add(1)
print("add idempotent:", sorted(s), len(s))
s.discard(99)
s.discard(1)
print("discard:", sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("remove missing:", repr(e))
p = {42}
print("pop single:", p.pop(), p)
try:
    set().pop()
except KeyError as e:
    print("pop empty:", e)
c = {1, 2}
d = c.copy()
d.add(3)
print("copy independent:", sorted(c), sorted(d))
c.clear()
print("clear:", c)
try:
    {[]}
except TypeError as e:
    print("unhashable element:", e)
try:
    set().add({})
except TypeError as e:
    print("add dict:", e)
print("set with frozenset member:", {frozenset({1})} == {frozenset([1])})
print("lookup set in set via frozenset conversion:", {1, 2} in {frozenset({1, 2})})
try:
    set().remove([])
except TypeError as e:
    print("remove unhashable:", e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("mutation during iteration:", e)
print("set from string (sorted):", sorted(set("banana")))
print("len/contains/bool:", len({1, 1.0, True}), 1.0 in {1}, bool(set()), bool({0}))
