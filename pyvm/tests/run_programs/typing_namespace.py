# types.SimpleNamespace is a real builtin type; sys.implementation is one.
# (types.py is not imported, to keep the GC-stress run short: the type is
# reached through sys.implementation, as types.py itself does.)
import sys

NS = type(sys.implementation)
n = NS(b=2, a=1)
print(n, repr(n), str(n), n.a, n.b, n.__dict__, vars(n))
print(NS, type(n) is NS, NS.__name__, NS.__module__, NS.__qualname__, NS.__hash__)
print(type(sys.implementation) is NS, isinstance(sys.implementation.name, str),
      sys.implementation.version == sys.version_info, 'namespace(' in repr(sys.implementation))
n.c = [1, 2]
del n.a
print(n, n == NS(b=2, c=[1, 2]), n != NS(b=2), NS() == NS(), NS(a=1) == {'a': 1})
n.self = n
print(n)
del n.self
try:
    del n.zz
except AttributeError as e:
    print('AttributeError:', e)
try:
    n.zz
except AttributeError as e:
    print('AttributeError:', e)
for bad in [lambda: NS(1), lambda: NS({'a': 1}), lambda: NS(**{'1x': 1}), lambda: hash(NS())]:
    try:
        print(bad())
    except TypeError as e:
        print('TypeError:', e)
try:
    NS(a=1) < NS(a=2)
except TypeError as e:
    print('TypeError:', e)
e = NS()
e.__dict__[1] = 'hidden'
e.__dict__['shown'] = 'yes'
print(e, e.__reduce__())
print(NS.__init__(e, z=3), e.z)


class Sub(NS):
    def total(self):
        return sum(v for v in vars(self).values() if isinstance(v, int))


s = Sub(x=1, y=2)
print(s, s.total(), isinstance(s, NS), s == NS(x=1, y=2), Sub.__mro__)


class Point(NS):
    def __init__(self, x, y, **kw):
        super().__init__(x=x, y=y, **kw)

    def __repr__(self):
        return 'P' + super().__repr__()


p = Point(1, 2, tag='t')
print(p, p.x + p.y, p.__reduce__()[0] is Point)


class Slotted(NS):
    __slots__ = ('extra',)


sl = Slotted(a=1)
sl.extra = 5
print(sl, sl.extra)
nested = NS(inner=NS(deep=NS()), items=[NS(k=1)])
print(nested, nested.inner.deep)
