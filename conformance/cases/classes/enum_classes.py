# enum: members, identity, iteration order, values, Flag operations, errors.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

print("members:", list(Color))
print("alias:", Color.CRIMSON is Color.RED, Color.CRIMSON.name)
print("lookup:", Color(2), Color["BLUE"], Color.RED.value)
print("repr/str:", repr(Color.RED), str(Color.RED))
print("members mapping:", list(Color.__members__))
try:
    Color(7)
except ValueError as e:
    print("bad value:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("bad name:", e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print("readonly:", type(e).__name__)
print("not equal to int:", Color.RED == 1, isinstance(Color.RED, Color))

class Num(IntEnum):
    ONE = 1
    TWO = 2
print("IntEnum arithmetic:", Num.ONE + Num.TWO, Num.TWO == 2, sorted([Num.TWO, Num.ONE]))

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print("flag values:", Perm.R.value, Perm.W.value, Perm.X.value)
print("flag ops:", Perm.R in rw, Perm.X in rw, rw & Perm.W, bool(Perm.R & Perm.X))
print("flag repr:", repr(rw))

class IP(IntFlag):
    A = 1
    B = 2
print("IntFlag:", IP.A | IP.B, int(IP.A | 4))

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("unique:", e)
try:
    class Ext(Color):
        PINK = 9
except TypeError as e:
    print("extend:", e)
class Auto(Enum):
    a = auto()
    b = auto()
print("auto:", [m.value for m in Auto])
