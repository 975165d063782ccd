# Numeric conversion dunders: __int__, __float__, __complex__, __index__, __round__, __trunc__, __floor__, __ceil__.
import math

class N:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1 + 2j
    def __round__(self, nd=None): return ("round", nd)
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"

n = N()
print("int/float/complex:", int(n), float(n), complex(n))
print("round:", round(n), round(n, 2))
print("math:", math.trunc(n), math.floor(n), math.ceil(n))

class OnlyIndex:
    def __index__(self): return 5
print("int via __index__:", int(OnlyIndex()), float(OnlyIndex()), complex(OnlyIndex()))

class BadInt:
    def __int__(self): return "x"
try:
    int(BadInt())
except TypeError as e:
    print("bad __int__:", e)
class BadFloat:
    def __float__(self): return 1
try:
    float(BadFloat())
except TypeError as e:
    print("bad __float__:", e)
class BadIndex:
    def __index__(self): return 1.0
try:
    [1, 2][BadIndex()]
except TypeError as e:
    print("bad __index__:", e)

class IntSubReturn:
    def __int__(self): return True
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = int(IntSubReturn())
    print("int returning bool:", r, type(r).__name__, [c.category.__name__ for c in w])

try:
    int(object())
except TypeError as e:
    print("int(object()):", e)
try:
    round(object())
except TypeError as e:
    print("round(object()):", e)
try:
    math.floor("x")
except TypeError as e:
    print("floor str:", e)
class Pow:
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)
print("three-arg pow dispatch:", pow(Pow(), 2, 5), Pow() ** 3)
