# gc-stress-interval: 16
# Operators and protocols on classes: type.__or__/__ror__ as methods, and a
# metaclass's special methods applying to its classes (binary, reflected,
# in-place, unary, abs/round/format/reversed/bool, int/float/index...).
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
class M4(type):
    def __bool__(cls): return False
    def __abs__(cls): return "abs"
    def __iadd__(cls, o): return "iadd"
    def __matmul__(cls, o): return "matmul"
    def __invert__(cls): return "inv"
    def __pos__(cls): return "pos"
    def __round__(cls, n=None): return "round"
    def __format__(cls, spec): return "fmt" + spec
    def __reversed__(cls): return iter("ba")
    def __call__(cls, *a): return ("called", a)
    def __instancecheck__(cls, o): return True
    def __getattr__(cls, n): return "ga:" + n
    def __setattr__(cls, n, v): print("set", n); super().__setattr__(n, v)
    def __pow__(cls, o): return "pow"
    def __rpow__(cls, o): return "rpow"
    def __divmod__(cls, o): return "dm"
class A4(metaclass=M4): pass
print(bool(A4), abs(A4), A4 @ 1, ~A4, +A4, round(A4), f"{A4:xy}", list(reversed(A4)), A4(1), isinstance(3, A4), A4.zzz)
A4.q = 1
B4 = A4
B4 += 2
print(B4, A4 ** 2, 2 ** A4, divmod(A4, 3), pow(A4, 2))
print("yes" if not A4 else "no")
class M3(type):
    def __repr__(cls): return "R" + cls.__name__
    def __str__(cls): return "S" + cls.__name__
    def __format__(cls, s): return "F"
    def __index__(cls): return 3
    def __int__(cls): return 4
    def __float__(cls): return 4.5
    def __complex__(cls): return 1j
    def __bytes__(cls): return b"by"
    def __trunc__(cls): return 9
    def __floor__(cls): return 8
    def __ceil__(cls): return 10
    def __length_hint__(cls): return 5
    def __setitem__(cls, k, v): print("setitem", k, v)
    def __delitem__(cls, k): print("delitem", k)
    def __enter__(cls): return "entered"
    def __exit__(cls, *a): print("exit"); return True
class A3(metaclass=M3): pass
print(repr(A3), str(A3), format(A3, ""), int(A3), float(A3), complex(A3))
import math, operator
print(math.trunc(A3), math.floor(A3), math.ceil(A3), operator.length_hint(A3), hex(A3), bin(A3))
A3[1] = 2
del A3[3]
with A3 as x:
    print(x)
    raise ValueError
print("%s %r" % (A3, A3), f"{A3!r}")
class M5(type):
    def __index__(cls): return 2
class A5(metaclass=M5): pass
class N5(type): pass
class B5(metaclass=N5): pass
print([0, 1, 2, 3][A5], "abc"[A5], (5, 6, 7)[A5], range(9)[A5])
l = [0, 1, 2, 3]; l[A5] = 9; del l[A5]; print(l)
for k in (B5, int):
    try: [1][k]
    except TypeError as e: print(e)
