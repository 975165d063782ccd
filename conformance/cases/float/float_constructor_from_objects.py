# float() from objects: __float__, __index__ fallback (3.8+), subclasses, strings with unusual spacing, and errors.
class F:
    def __float__(self):
        return 1.25
class I:
    def __index__(self):
        return 3
class Both:
    def __float__(self):
        return 9.5
    def __index__(self):
        return 1
class SubFloat(float):
    pass
class ReturnsSub:
    def __float__(self):
        return SubFloat(2.0)
print(float(F()), float(I()), float(Both()), float(SubFloat(4.5)), type(float(SubFloat(4.5))).__name__)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = float(ReturnsSub())
print("__float__ returning float subclass:", r, type(r).__name__, [x.category.__name__ for x in w])
class Bad:
    def __float__(self):
        return "1.0"
for obj in (Bad(), object(), [1.0], {1.0}):
    try:
        float(obj)
    except TypeError as e:
        print(type(obj).__name__, "->", e)
print("from bytes-like:", float(b" 1.5 "), float(bytearray(b"2e3")), float(memoryview(b"-7")))
print("float of huge int string:", float("1" * 400))
print("fromhex is not used by float():", end=" ")
try:
    float("0x1p3")
except ValueError as e:
    print(e)
