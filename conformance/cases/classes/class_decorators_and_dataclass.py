# Class decorators and dataclasses behaviour.
from dataclasses import dataclass, field, FrozenInstanceError, asdict, replace, fields

def add_tag(cls):
    cls.tag = cls.__name__.upper()
    return cls
@add_tag
class T:
    pass
print("decorated:", T.tag)

@dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False)

p = Point(1, 2)
print("repr:", p)
print("eq:", p == Point(1, 2, ["x"]), p == Point(2, 1))
print("order:", Point(1, 5) < Point(2, 0), sorted([Point(3), Point(1, 9), Point(1, 2)]))
print("asdict:", asdict(p))
print("replace:", replace(p, y=10))
print("fields:", [f.name for f in fields(Point)])
print("hash disabled by eq:", Point.__hash__ is None)
try:
    Point()
except TypeError as e:
    print("missing arg:", e)

@dataclass(frozen=True)
class F:
    a: int
f = F(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print("frozen:", type(e).__name__, e)
print("frozen hashable:", hash(f) == hash(F(1)))

try:
    @dataclass
    class Bad:
        a: list = []
except ValueError as e:
    print("mutable default:", e)
try:
    @dataclass
    class Order:
        a: int = 1
        b: int
except TypeError as e:
    print("default order:", e)

@dataclass
class Post:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print("post_init:", Post(4))
