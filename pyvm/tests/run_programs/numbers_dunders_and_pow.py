# The arithmetic special methods of int, bool and float, NotImplemented for
# other operand types, three-argument pow through __pow__.
print((2).__add__(3), (2).__radd__(3), (7).__sub__(2), (7).__rsub__(2), (3).__mul__(4))
print((7).__truediv__(2), (7).__rtruediv__(2), (7).__floordiv__(2), (7).__rfloordiv__(20))
print((7).__mod__(3), (7).__rmod__(3), (7).__divmod__(2), (7).__rdivmod__(30))
print((2).__pow__(10), (2).__pow__(10, 7), (2).__rpow__(3), (5).__rpow__(2, 7), (2).__pow__(-1, 5))
print((6).__and__(3), (6).__or__(3), (6).__xor__(3), (1).__lshift__(4), (16).__rshift__(2))
print((1).__rlshift__(3), (2).__rrshift__(16), (5).__invert__(), (5).__getnewargs__())
print(True.__and__(True), True.__or__(False), True.__xor__(1), int.__and__(True, True), True.__add__(True))
print((2).__add__(2.0), (2).__pow__(2, 2.0), (1).__add__("x"), (2).__mul__([1]))
print((2.0).__add__(1), (2.0).__radd__(1), (1.5).__mul__(2), (1.0).__truediv__(4), (7.5).__floordiv__(2))
print((7.5).__mod__(2), (7.5).__divmod__(2), (2.0).__pow__(3), (2.0).__rpow__(3), (2.0).__sub__("x"))
print((1.5).__getnewargs__(), (1.0).__rsub__(3), (10 ** 30).__add__(1))
for label, fn in [
    ("int.__add__('a', 1)", lambda: int.__add__("a", 1)),
    ("float.__mul__(1, 2.0)", lambda: float.__mul__(1, 2.0)),
    ("(2).__pow__(2, 0)", lambda: (2).__pow__(2, 0)),
    ("float.__pow__(2.0, 2, 3)", lambda: float.__pow__(2.0, 2, 3)),
    ("(1).__truediv__(0)", lambda: (1).__truediv__(0)),
    ("(1.0).__mod__(0)", lambda: (1.0).__mod__(0)),
    ("(1).__add__()", lambda: (1).__add__()),
]:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(label, "->", type(e).__name__ + ":", e)

class I(int):
    def __add__(self, other):
        return int.__add__(self, other) * 10
    def __pow__(self, other, mod=None):
        return ("I.__pow__", int(self), other, mod)
print(I(2) + 3, I(2).__radd__(1), 5 + I(1), pow(I(3), 2, 5), pow(I(3), 2))
class P:
    def __pow__(self, other, mod=None):
        return ("P", other, mod)
    def __rpow__(self, other, mod=None):
        return ("rP", other, mod)
print(pow(P(), 2, 3), pow(P(), 2), pow(2, P()))
try:
    pow(2, P(), 3)
except TypeError as e:
    print("rpow is not ternary:", e)
class N:
    def __pow__(self, other, mod=None):
        return NotImplemented
try:
    pow(N(), 1, 2)
except TypeError as e:
    print(e)
names = ("__add__", "__radd__", "__pow__", "__rpow__", "__and__", "__invert__", "__divmod__")
print([n in dir(int) for n in names], [n in dir(float) for n in names])
print(sum([1, 2.5, True]), sorted([3, 1.5, True]), 2 ** -1, (-8) ** (1 / 3) == (-8) ** (1 / 3))
