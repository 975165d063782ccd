# gc-stress-interval: 10
# Class machinery: abstract classes, object's default comparisons, bound
# method equality, call-binding messages, MRO conflicts, special methods
# set to None, metaclass __call__ that is not a function.
import abc


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    @abc.abstractmethod
    def name(self): ...


class Half(Shape):
    def area(self):
        return 1


class Full(Half):
    def name(self):
        return 'full'


class WithInit(Shape):
    def __init__(self, x):
        self.x = x


for cls, args in [(Shape, ()), (Half, ()), (WithInit, (1,))]:
    try:
        cls(*args)
    except TypeError as e:
        print('TypeError:', e)
print(Full().area(), Full().name(), sorted(Shape.__abstractmethods__), Full.__abstractmethods__)


class Plain:
    pass


p = Plain()
print(p.__lt__(p), p.__ge__(1), object.__le__(p, p), p.__eq__(p), p.__ne__(Plain()))
print('__class__' in dir(p), '__lt__' in dir(p))
try:
    p < p
except TypeError as e:
    print('TypeError:', e)
try:
    object.__lt__(p)
except TypeError as e:
    print('TypeError:', e)


class A:
    def m(self):
        return 'm'


a = A()
A.m.tag = 't'
bm = a.m
print(a.m == a.m, a.m != a.m, a.m == A().m, bm.tag, bm.__func__ is A.m, {a.m: 1}[a.m], hash(a.m) == hash(bm))
try:
    bm.other = 1
except AttributeError as e:
    print('AttributeError:', e)


def posonly(x, y, /, z):
    return x + y + z


def kwonly(a, b, c, d=1, *, e):
    pass


def star(a, /, **kw):
    return a, kw


print(star(1, a=2))
for call in [lambda: posonly(x=1, y=2, z=3), lambda: posonly(1, y=2, z=3),
             lambda: kwonly(1, 2, 3, 4, 5, e=1), lambda: kwonly(1, 2, 3, 4, 5), lambda: kwonly(1, e=2)]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)


class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass


try:
    class Bad(Z, W):
        pass
except TypeError as e:
    print('TypeError:', e)


class NoIter:
    __iter__ = None

    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError


class GetItemOnly:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError


print(list(GetItemOnly()), NoIter()[1])
for f in [lambda: iter(NoIter()), lambda: list(NoIter())]:
    try:
        f()
    except TypeError as e:
        print('TypeError:', e)


class DictMeta(type):
    __call__ = dict


class Rec(metaclass=DictMeta):
    pass


r = Rec(a=1)
print(type(r), r)


class Counting(type):
    calls = 0

    def __call__(cls, *args, **kw):
        Counting.calls += 1
        return super().__call__(*args, **kw)


class Counted(metaclass=Counting):
    def __init__(self, v):
        self.v = v


print(Counted(5).v, Counting.calls)


def renamed(a, b):
    pass


renamed.__qualname__ = 'Other.name'
try:
    renamed(1)
except TypeError as e:
    print('TypeError:', e)
