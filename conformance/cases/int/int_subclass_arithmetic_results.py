# Arithmetic on int subclasses returns plain int unless overridden; bool arithmetic returns int; methods keep exact types.
class Meters(int):
    def __repr__(self):
        return f"Meters({int(self)})"
m = Meters(5)
ops = {"+": m + 1, "-": m - 1, "*": m * 2, "//": m // 2, "%": m % 3, "**": m ** 2, "<<": m << 1, "&": m & 4, "-x": -m, "+x": +m, "abs": abs(m), "~": ~m}
print({k: (v, type(v).__name__) for k, v in ops.items()})
print("truediv -> float:", m / 2, type(m / 2).__name__)
print("round/int/index return int:", type(round(m)).__name__, type(int(m)).__name__, type(m.__index__()).__name__)
print("conjugate/numerator:", type(m.conjugate()).__name__, type(m.numerator).__name__, type(m.real).__name__)
print("bool arithmetic:", True + True, type(True + True).__name__, True & True, type(True & True).__name__, type(True | 2).__name__)
print("str() follows the overridden __repr__, format() does not:", str(m), f"{m:05d}", format(m, "x"), repr(m))
class Overrides(int):
    def __add__(self, other):
        return Overrides(int(self) + int(other))
    __radd__ = __add__
    def __repr__(self):
        return f"O({int(self)})"
o = Overrides(1)
print("overridden add keeps type:", o + 1, 1 + o, sum([o, o], Overrides(0)))
print("hash/eq same as int:", hash(m) == hash(5), m == 5, {5: "five"}[m])
