# User types mixing with builtins: reflected ops when builtins return NotImplemented, incl. list/str concatenation.
class Tag:
    def __init__(self, s):
        self.s = s
    def __radd__(self, other):
        if isinstance(other, str):
            return Tag(other + self.s)
        return NotImplemented
    def __add__(self, other):
        if isinstance(other, str):
            return Tag(self.s + other)
        return NotImplemented
    def __rmul__(self, n):
        return Tag(self.s * n)
    def __repr__(self):
        return f"Tag({self.s!r})"
print("str + Tag:", "a" + Tag("b"), "Tag + str:", Tag("b") + "c", "int * Tag:", 3 * Tag("x"))
try:
    [1] + Tag("x")
except TypeError as e:
    print("list + Tag:", e)
class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return Num(o + self.v)
    def __rsub__(self, o): return Num(o - self.v)
    def __rtruediv__(self, o): return Num(o / self.v)
    def __rpow__(self, o): return Num(o ** self.v)
    def __rmod__(self, o): return Num(o % self.v)
    def __rfloordiv__(self, o): return Num(o // self.v)
    def __repr__(self): return f"Num({self.v})"
n = Num(4)
print("reflected with int/float:", 10 + n, 10 - n, 10 / n, 2 ** n, 10 % n, 10 // n, 2.5 + n)
print("sum() starting from 0 uses __radd__:", sum([Num(1)]))
try:
    sum([Num(1), Num(2)])
except TypeError as e:
    print("then Num + Num has no __add__:", e)
print("str % Num uses str formatting, not __rmod__:", "%s" % n)
class Seq:
    def __radd__(self, other):
        return "Seq.__radd__"
print("tuple + Seq falls back:", (1,) + Seq())
