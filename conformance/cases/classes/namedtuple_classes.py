# collections.namedtuple and typing.NamedTuple.
from collections import namedtuple
from typing import NamedTuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], tuple(p), p == (1, 2), len(p))
print("fields/defaults:", Point._fields, Point._field_defaults)
print("_replace/_asdict/_make:", p._replace(x=5), p._asdict(), Point._make([7, 8]))
x, y = p
print("unpack:", x, y)
try:
    p.x = 3
except AttributeError as e:
    print("immutable:", type(e).__name__)
try:
    Point(1)
except TypeError as e:
    print("missing field:", e)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 1])
print("defaults apply right-most:", P3(9), P3._field_defaults)
R = namedtuple("R", "def class ok", rename=True)
print("rename invalid:", R._fields)
try:
    namedtuple("Bad", "a a")
except ValueError as e:
    print("duplicate field:", e)
try:
    namedtuple("Bad", "_x")
except ValueError as e:
    print("underscore field:", e)
class Emp(NamedTuple):
    name: str
    dept: str = "eng"
    def badge(self):
        return f"{self.name}@{self.dept}"
e = Emp("ann")
print("typing.NamedTuple:", e, e.badge(), Emp.__annotations__, Emp._field_defaults)
print("is tuple subclass:", isinstance(e, tuple), Emp.__mro__[1].__name__)
print("sorted namedtuples:", sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print("repr of subclass:", repr(type("Sub", (Point,), {})(3, 4)))
