# A full arithmetic type: every binary operator and its reflection, with a scalar.
class Vec:
    def __init__(self, *c):
        self.c = c
    def _map(self, other, fn):
        if isinstance(other, Vec):
            return Vec(*[fn(a, b) for a, b in zip(self.c, other.c)])
        if isinstance(other, (int, float)):
            return Vec(*[fn(a, other) for a in self.c])
        return NotImplemented
    def __add__(s, o): return s._map(o, lambda a, b: a + b)
    def __sub__(s, o): return s._map(o, lambda a, b: a - b)
    def __mul__(s, o): return s._map(o, lambda a, b: a * b)
    def __truediv__(s, o): return s._map(o, lambda a, b: a / b)
    def __floordiv__(s, o): return s._map(o, lambda a, b: a // b)
    def __mod__(s, o): return s._map(o, lambda a, b: a % b)
    def __pow__(s, o): return s._map(o, lambda a, b: a ** b)
    def __lshift__(s, o): return s._map(o, lambda a, b: a << b)
    def __rshift__(s, o): return s._map(o, lambda a, b: a >> b)
    def __and__(s, o): return s._map(o, lambda a, b: a & b)
    def __or__(s, o): return s._map(o, lambda a, b: a | b)
    def __xor__(s, o): return s._map(o, lambda a, b: a ^ b)
    def __matmul__(s, o): return sum(a * b for a, b in zip(s.c, o.c))
    def __divmod__(s, o): return (s // o, s % o)
    def __radd__(s, o): return s + o
    def __rmul__(s, o): return s * o
    def __rsub__(s, o): return Vec(*[o - a for a in s.c])
    def __rdivmod__(s, o): return ("rdivmod", o)
    def __eq__(s, o): return isinstance(o, Vec) and s.c == o.c
    __hash__ = None
    def __repr__(s): return f"Vec{s.c}"

v, w = Vec(6, 9), Vec(2, 4)
for name, r in [("+", v + w), ("-", v - w), ("*", v * w), ("/", v / w), ("//", v // w),
                ("%", v % w), ("**", w ** 2), ("<<", w << 1), (">>", v >> 1),
                ("&", v & w), ("|", v | w), ("^", v ^ w), ("@", v @ w)]:
    print(name, r)
print("divmod:", divmod(v, w), divmod(3, v))
print("reflected:", 1 + v, 2 * v, 10 - v)
print("sum with start:", sum([v, w], Vec(0, 0)))
try:
    sum([v, w])
except TypeError as e:
    print("sum without start:", e)
print("eq:", v == Vec(6, 9), v != w, v == (6, 9))
try:
    {v}
except TypeError as e:
    print("unhashable:", e)
