# gc-stress-interval: 200
# DeprecationWarnings of the numeric protocols, issubclass with abstract
# classes, list() length hints, reversed(bytes), OverflowError indices.
import operator
import warnings

class T:
    def __trunc__(self):
        return 9
class IB:
    def __index__(self):
        return True
class SF(float):
    pass
class RF:
    def __float__(self):
        return SF(1.5)
class SI(int):
    pass
class RI:
    def __int__(self):
        return SI(3)
for f, x in [(int, T()), (operator.index, IB()), (float, RF()), (int, RI()), (int, IB()), (float, IB())]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = f(x)
    print(f.__name__, repr(r), type(r).__name__, [(i.category.__name__, str(i.message)) for i in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        int(T())
    except DeprecationWarning as e:
        print("as an error:", e)

class A:
    __bases__ = (int,)
class Bs:
    @property
    def __bases__(self):
        return (A(),)
a = A()
print(issubclass(a, int), issubclass(Bs(), a), issubclass(a, A), issubclass(int, a), isinstance(3, a))
class C:
    __bases__ = 5
for args in [(C(), int), (int, C()), (1, int)]:
    try:
        issubclass(*args)
    except TypeError as e:
        print(e)

class BadHint:
    def __iter__(self):
        return iter("ab")
    def __length_hint__(self):
        return -1
class StrHint:
    def __iter__(self):
        return iter("ab")
    def __length_hint__(self):
        return "x"
class LenRaises:
    def __len__(self):
        raise RuntimeError("len failed")
    def __iter__(self):
        return iter([1])
class NoHint:
    def __iter__(self):
        return iter([1, 2])
    def __length_hint__(self):
        return NotImplemented
for obj in [BadHint(), StrHint(), LenRaises(), NoHint()]:
    try:
        print(list(obj))
    except (ValueError, TypeError, RuntimeError) as e:
        print(type(e).__name__, e)

print(bytes(reversed(b"abc")), list(reversed(bytearray(b"xy"))), list(reversed(b"")))
for fn in [lambda: [].pop(2 ** 100), lambda: [1].pop(-2 ** 70), lambda: [].insert(2 ** 100, 1), lambda: [1, 2].pop(True)]:
    try:
        print(fn())
    except (OverflowError, IndexError) as e:
        print(type(e).__name__, e)

class S:
    def f(self):
        return "S.f"
class S2(S):
    def f(self):
        return "S2>" + super().f()
u = super(S2)
print(u.__get__(S2(), S2).f(), callable(u.__get__))
