# Sorting enums, dataclasses with order, and objects by attributes via operator.attrgetter.
import enum
from dataclasses import dataclass
from operator import attrgetter
class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 3
    MEDIUM = 2
print(sorted(Priority), sorted([Priority.HIGH, Priority.LOW, 2]))
class Color(enum.Enum):
    RED = "r"
    BLUE = "b"
try:
    sorted(Color)
except TypeError as e:
    print("TypeError:", e)
print(sorted(Color, key=attrgetter("value")), sorted(Color, key=lambda c: c.name))
@dataclass(order=True)
class Version:
    major: int
    minor: int
    patch: int = 0
vs = [Version(1, 10), Version(1, 2, 5), Version(0, 9), Version(1, 2)]
print(sorted(vs))
print(max(vs), min(vs, key=attrgetter("patch")))
