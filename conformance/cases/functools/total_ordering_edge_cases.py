# total_ordering derives from whichever one of <, <=, >, >= is defined; NotImplemented propagates.
from functools import total_ordering
@total_ordering
class ByGt:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, ByGt) and self.v == o.v
    def __gt__(self, o):
        if not isinstance(o, ByGt):
            return NotImplemented
        return self.v > o.v
a, b = ByGt(1), ByGt(2)
print("from __gt__:", a < b, a <= b, a >= b, b >= a, a <= ByGt(1))
try:
    a < 5
except TypeError as e:
    print("NotImplemented propagates:", e)
@total_ordering
class ByLe:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __le__(self, o): return self.v <= o.v
print("from __le__:", ByLe(1) < ByLe(2), ByLe(2) > ByLe(1), ByLe(2) >= ByLe(2))
@total_ordering
class Both:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __gt__(self, o): return "explicit gt"
print("existing methods are kept:", Both(1) > Both(0), Both(1) >= Both(0))
print("sorted with derived ordering:", [x.v for x in sorted([ByGt(3), ByGt(1), ByGt(2)])], max(ByLe(1), ByLe(5)).v)
print("which methods were added:", sorted(k for k in ("__lt__", "__le__", "__gt__", "__ge__") if k in ByGt.__dict__))
