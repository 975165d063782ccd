# int() with various argument types, and subclass behaviour.
from fractions import Fraction
from decimal import Decimal
print("from Fraction/Decimal:", int(Fraction(7, 2)), int(Fraction(-7, 2)), int(Decimal("-9.99")), int(Decimal("1e3")))
print("from bool:", int(True), int(False))
print("from str with spaces and unicode spaces:", int("\u2003 42 \u2003"))
class WithTrunc:
    def __trunc__(self):
        return 9
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print("via __trunc__:", int(WithTrunc()), [x.category.__name__ for x in w])
class WithIndex:
    def __index__(self):
        return 4
print("via __index__:", int(WithIndex()))
for bad in [None, [1], "1e3", "0x10", " ", "1 2", "١٢.٣"]:
    try:
        int(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    int("10", 16.0)
except TypeError as e:
    print("float base:", e)
try:
    int(x="5")
except TypeError as e:
    print("bad keyword:", e)
class MyInt(int):
    pass
m = MyInt("12", 8)
print("subclass with base:", m, type(m).__name__, type(m + 1).__name__)
print("int of subclass returns exact int:", type(int(m)).__name__)
print("int(-0.0):", int(-0.0), "int(0.999999):", int(0.999999), "int(-1e-300):", int(-1e-300))
print("int of huge float:", int(1.7976931348623157e308) == 2**1024 - 2**971)
print("int literals:", 0b1_0, 0o1_7, 0x_F, 1_0, 0xdead_beef)
