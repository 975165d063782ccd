# complex() with objects defining __complex__, __float__, __index__; subclassing complex.
class C:
    def __complex__(self):
        return 2 + 3j
class F:
    def __float__(self):
        return 1.5
class I:
    def __index__(self):
        return 7
print("__complex__:", complex(C()), "__float__:", complex(F()), "__index__:", complex(I()))
print("second arg objects:", complex(1, F()), complex(F(), I()))
class Bad:
    def __complex__(self):
        return 1
try:
    complex(Bad())
except TypeError as e:
    print("bad __complex__:", e)
class MyC(complex):
    def __repr__(self):
        return "MyC" + super().__repr__()
m = MyC(1, 2)
print("subclass:", repr(m), type(m + 1).__name__, m.real, m == 1 + 2j)
print("complex of subclass exact type:", type(complex(m)).__name__)
import numbers
print("numbers ABCs:", isinstance(1j, numbers.Complex), isinstance(1j, numbers.Real), isinstance(1.0, numbers.Complex))
print("int/float have complex API:", (5).imag, (2.5).conjugate(), (3).real)
print("sum of complex:", sum([1j, 2, 0.5]), sum([1 + 1j] * 3))
print("complex in containers:", sorted([3j, 1j, 2j], key=abs), {1j: "a"}[1j])
print("pow int exponents exact-ish:", (1 + 1j) ** 4, (1 + 1j) ** -2, (2j) ** 3)
