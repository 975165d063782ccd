# complex() keyword arguments, subclass construction, __complex__ precedence over __float__, and bad combinations.
print(complex(real=1.5), complex(imag=2), complex(real=1, imag=-1), complex())
class C(complex):
    def __new__(cls, r, i=0):
        return super().__new__(cls, r * 10, i * 10)
c = C(1, 2)
print("subclass __new__:", c, type(c).__name__, type(c + 0).__name__, type(-c).__name__)
class Prefers:
    def __complex__(self):
        return 7j
    def __float__(self):
        return 1.0
print("__complex__ wins:", complex(Prefers()))
class OnlyFloat:
    def __float__(self):
        return 2.5
print("__float__ used for real part and imag part:", complex(OnlyFloat(), OnlyFloat()))
for label, fn in [("complex('1', '2')", lambda: complex("1", "2")), ("complex(real='1')", lambda: complex(real="1")),
                  ("complex(1, imag=1j)", lambda: complex(1, imag=1j)), ("complex(x=1)", lambda: complex(x=1)),
                  ("complex([])", lambda: complex([]))]:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
