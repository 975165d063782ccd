# Unpacking namedtuples (iterable) and dataclasses (not iterable unless astuple is used).
from collections import namedtuple
from dataclasses import dataclass, astuple
Point = namedtuple("Point", "x y")
p = Point(3, 4)
x, y = p
print(x, y, [*p], {**p._asdict()})
@dataclass
class Size:
    w: int
    h: int
s = Size(5, 6)
try:
    w, h = s
except TypeError as e:
    print("TypeError:", e)
w, h = astuple(s)
print(w, h)
pts = [Point(1, 2), Point(3, 4)]
print([a * b for a, b in pts], list(zip(*pts)))
def area(w, h):
    return w * h
print(area(*p), area(*astuple(s)), area(**{"w": 2, "h": 3}))
