# gc-stress-interval: 16
# Operators on classes: type.__or__/__ror__ as methods, and a metaclass's
# operator methods applying to its classes (binary, unary, reflected).
class M(type):
    def __add__(cls, o): return f"{cls.__name__}+{o!r}"
    def __radd__(cls, o): return f"{o!r}+{cls.__name__}"
    def __neg__(cls): return f"-{cls.__name__}"
    def __lt__(cls, o): return "lt"
    def __eq__(cls, o): return cls.__name__ == getattr(o, "__name__", None)
    def __hash__(cls): return 1
    def __len__(cls): return 7
    def __getitem__(cls, k): return ("item", k)
    def __contains__(cls, k): return k == 3
    def __iter__(cls): return iter([1, 2])
    def __mul__(cls, o): return NotImplemented
class A(metaclass=M): pass
class B(metaclass=M): pass
print(A + 1, 1 + A, A + B, -A, A < B, A == B, len(A), A[5], 3 in A, list(A))
try: A * 2
except TypeError as e: print(e)
try: A - 1
except TypeError as e: print(e)
print(int | A, A | None)
import enum
class Color(enum.Enum):
    RED = 1
print(len(Color), list(Color), Color.RED in Color)
class F(enum.Flag):
    A = 1; B = 2
print(F.A | F.B)
print(type.__or__(int, str), type.__ror__(int, None), type.__or__(int, 2))
print(int | None, None | int, int | list[int], list[int] | None)
try: int | 3
except TypeError as e: print(e)
try: 3 | int
except TypeError as e: print(e)
class M2(type):
    def __or__(cls, o): return "M.or"
class A(metaclass=M2): pass
print(A | int, int | A)
try: type.__or__(3, int)
except TypeError as e: print(e)
try: type.__or__(int)
except TypeError as e: print(e)
print(float.__or__(2.5), type(float.__or__(int)))
