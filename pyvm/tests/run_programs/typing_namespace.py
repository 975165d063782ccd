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

# cls.__dict__ is a read-only mappingproxy (types.MappingProxyType).
MP = type(type.__dict__)


class C:
    x = 1

    def meth(self):
        pass


cd = C.__dict__
print(type(cd), MP, cd['x'], 'meth' in cd, 'zz' in cd, sorted(k for k in cd if not k.startswith('__')))
print(cd.get('x'), cd.get('zz', 'dflt'), dict(cd)['x'], {**cd}['x'], sorted(k for k in vars(C) if k == 'x'))
for bad in [lambda: cd.__setitem__('y', 2), lambda: MP([1])]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
try:
    cd['y'] = 2
except TypeError as e:
    print('TypeError:', e)
try:
    del cd['x']
except TypeError as e:
    print('TypeError:', e)
p = MP({'a': 1, 'b': 2})
print(p, len(p), list(p), list(p.keys()), list(p.values()), list(p.items()), p == {'a': 1, 'b': 2})
print(p | {'c': 3}, {'z': 0} | p, p.copy(), type(p.copy()), list(reversed(p)))
C.y = 5
print(cd['y'], 'y' in C.__dict__)
