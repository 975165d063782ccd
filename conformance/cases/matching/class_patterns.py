# Class patterns: keyword attributes, __match_args__, dataclasses, built-in types.
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center = center
        self.radius = radius
def where(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Circle(Point(x, y), r):
            return f"circle at {x},{y} r={r}"
        case Point():
            return "some point"
        case str(s) | bytes(s):
            return f"text {s!r}"
        case int(i):
            return f"int {i}"
    return "unknown"
for s in [Point(0, 0), Point(0, 5), Point(2, 2), Point(1, 2), Circle(Point(1, 1), 3), "s", b"b", 7, True, 1.5]:
    print(where(s))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
