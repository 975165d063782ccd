class Meters(int):
    def __repr__(self):
        return f"Meters({int(self)})"
m = Meters(5)
ops = {"+": m + 1, "-": m - 1, "*": m * 2, "//": m // 2, "%": m % 3, "**": m ** 2, "<<": m << 1, "&": m & 4, "-x": -m, "+x": +m, "abs": abs(m), "~": ~m}
print({k: (v, type(v).__name__) for k, v in ops.items()})
print("truediv -> float:", m / 2, type(m / 2).__name__)
print("round/int/index return int:", type(round(m)).__name__, type(int(m)).__name__, type(m.__index__()).__name__)
print("conjugate/numerator:", type(m.conjugate()).__name__, type(m.numerator).__name__, type(m.real).__name__)
print(str(m), f"{m:05d}", repr(m), isinstance(m, int), m.bit_length(), [0, 1, 2, 3, 4, 5, 6][m], "ab" * Meters(2))
class Overrides(int):
    def __add__(self, other):
        return Overrides(int(self) + int(other))
    __radd__ = __add__
    def __repr__(self):
        return f"O({int(self)})"
o = Overrides(1)
print("overridden add keeps type:", o + 1, 1 + o, sum([o, o], Overrides(0)))
print("hash/eq same as int:", hash(m) == hash(5), m == 5, {5: "five"}[m], m < 6, m > 6.5, bool(Meters(0)), bool(m))
class F(float):
    pass
f = F(2.5)
print(f, repr(f), f + 1, type(f + 1).__name__, f.is_integer(), f.hex(), round(f), F("1.5") * 2, float(f), type(float(f)).__name__, hash(f) == hash(2.5))
class C(complex):
    def __neg__(self):
        return "neg"
c = C(1, 2)
print(c, c + 1, type(c + 1).__name__, c.real, c.imag, -c, abs(C(3, 4)), c == 1+2j, c.conjugate(), complex(c), type(complex(c)).__name__)
class WithInit(int):
    def __init__(self, v):
        self.label = "x" + str(v)
w = WithInit(7)
print(w, w.label, w * 2)
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)
print(True & True, True | False, True ^ True, type(True & True).__name__, True | 2, type(True | 2).__name__, ~True, -True, True + True)
try:
    complex(x=1)
except TypeError as e:
    print(e)
z = 1.5-2j
print(f"{z}", f"{z:.2f}", f"{z:>20}", f"{F(2.5):.3f}", f"{Meters(255):x}")
for t in [lambda: "a" * "b", lambda: "a" * 1.5, lambda: [1] * [2], lambda: 2.0 * (1,)]:
    try:
        t()
    except TypeError as e:
        print(e)
for t in [lambda: [1] * (10**20), lambda: (10**20) * "a", lambda: 10**20 * None, lambda: "ab" * 3, lambda: [0] * -2]:
    try:
        print(t())
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
