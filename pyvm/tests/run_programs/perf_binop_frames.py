# Binary operators on Python classes run as frames of the dispatch loop:
# warm each site, then break its guards.
import sys


class V:
    __slots__ = ()

    def __init__(self):
        pass


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


def add_all(items):
    acc = Vec(0, 0)
    for v in items:
        acc = acc + v
    return acc


print(add_all([Vec(i, 2 * i) for i in range(50)]))
a, b = Vec(1, 2), Vec(3, 4)
for i in range(20):
    c = a * 2
    d = a * b
    e = 3 * a
print(c, d, e, a / 4)
s = Vec(0, 0)
for i in range(10):
    s += Vec(1, 1)
print(s)


# NotImplemented from the forward method: the reflected one, then TypeError.
class Other:
    def __rsub__(self, v):
        return "Other.__rsub__(%r)" % (v,)


for i in range(3):
    print(a - Other())
for i in range(3):
    try:
        a - 5
    except TypeError as exc:
        print("TypeError:", exc)
for i in range(3):
    try:
        a -= 5
    except TypeError as exc:
        print("TypeError:", exc)


class Same:
    def __add__(self, other):
        return NotImplemented

    def __radd__(self, other):
        return "never for the same class"


try:
    Same() + Same()
except TypeError as exc:
    print("TypeError:", exc)


# A subclass overriding the reflected method goes first.
class SubVec(Vec):
    def __rmul__(self, k):
        return "SubVec.__rmul__"

    def __radd__(self, k):
        return "SubVec.__radd__"


for i in range(3):
    print(a * SubVec(1, 1), a + SubVec(5, 5))


# The method replaced on the class, then deleted, then an operator added.
def site(x, y):
    return x + y


for i in range(5):
    r = site(a, b)
print(r)
Vec.__add__ = lambda self, other: "replaced"
print(site(a, b))
del Vec.__add__
try:
    site(a, b)
except TypeError as exc:
    print("TypeError:", exc)
Vec.__add__ = lambda self, other, extra=1: ("defaults", extra)
print(site(a, b))


class Late:
    pass


try:
    Late() + 1
except TypeError as exc:
    print("TypeError:", exc)
Late.__add__ = lambda self, other: ("late", other)
print(Late() + 1)


# __iadd__ defined: the in-place method, not __add__.
class Acc:
    def __init__(self):
        self.n = 0

    def __add__(self, other):
        return "plain add"

    def __iadd__(self, other):
        self.n += other
        return self


x = Acc()
for i in range(5):
    x += i
print(x.n)


# An exception inside the operator: the traceback shows both frames.
class Boom:
    def __add__(self, other):
        return 1 / other


def use(b, k):
    return b + k


for i in range(1, 4):
    use(Boom(), i)
try:
    use(Boom(), 0)
except ZeroDivisionError as exc:
    tb = exc.__traceback__
    while tb is not None:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next


# Reentrancy: operators that use operators; recursion.
class N:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        if self.v == 0:
            return N(other.v)
        return N(self.v - 1) + N(other.v + 1)


print((N(10) + N(1)).v)


class Deep:
    def __add__(self, other):
        return self + other


limit = sys.getrecursionlimit()
sys.setrecursionlimit(120)
try:
    Deep() + 1
except RecursionError as exc:
    print("RecursionError:", exc)
sys.setrecursionlimit(limit)


Vec.__add__ = lambda self, other: Vec(self.x + other.x, self.y + other.y)


# Operator in a generator and with a generator method (not direct).
class G:
    def __add__(self, other):
        yield other


def gen():
    for i in range(3):
        yield Vec(i, i) + Vec(1, 1)


print(list(gen()), list(G() + 7))
print(V.__init__ is not None)
