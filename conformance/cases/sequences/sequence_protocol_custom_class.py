# A user-defined sequence gets iteration, `in`, reversed(), sorted(), slicing support only as it implements them.
class Ring:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Ring(self.items[i])
        if not self.items:
            raise IndexError("empty ring")
        if isinstance(i, int) and not 0 <= i < 2 * len(self.items):
            raise IndexError(i)
        return self.items[i % len(self.items)]
    def __repr__(self):
        return f"Ring({self.items})"
r = Ring("abc")
print("iteration stops at IndexError (wraps once):", list(r))
print("len vs iteration length:", len(r), len(list(r)))
print("in:", "c" in r, "z" in r)
print("reversed uses len + getitem:", list(reversed(r)))
print("sorted/min/max:", sorted(r), min(r), max(r))
print("slice returns Ring:", r[1:], r[::-1])
print("index past len wraps:", r[4])
try:
    Ring([])[0]
except IndexError as e:
    print("empty:", e)
print("unpacking:", (lambda a, b, c, *rest: (a, b, c, rest))(*r))
print("enumerate/zip:", list(enumerate(r))[-1], list(zip(r, range(2))))
import collections.abc as abc
print("not a registered Sequence:", isinstance(r, abc.Sequence), isinstance(r, abc.Iterable), hasattr(r, "__iter__"))
