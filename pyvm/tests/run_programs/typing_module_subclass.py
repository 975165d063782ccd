# Subclasses of module (types.ModuleType): construction, methods and
# properties, __getattr__/__setattr__ hooks, __class__ assignment of a
# live module (sys.modules[__name__].__class__ = ...).
import sys

ModuleType = type(sys)


class M(ModuleType):
    def hello(self):
        return 'hi ' + self.__name__

    @property
    def computed(self):
        return 42


m = M('mine', 'the doc')
print(m, type(m), m.__name__, m.__doc__, m.hello(), m.computed, isinstance(m, ModuleType))
m.x = 1
print(m.x, m.__dict__['x'], sorted(k for k in m.__dict__ if not k.startswith('__')))
del m.x
print(hasattr(m, 'x'), M.__mro__)


class V(ModuleType):
    def __setattr__(self, k, v):
        print('set', k)
        super().__setattr__(k, v)

    def __getattr__(self, k):
        return 'missing:' + k

    def __repr__(self):
        return '<V ' + self.__name__ + '>'


this = sys.modules[__name__]
this.__class__ = V
print(type(this).__name__, this.nothing_here)
this.y = 2
print(y, repr(this), [this])
this.__class__ = ModuleType
print(type(this), this.y)


class Init(ModuleType):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra


i = Init('n', 5)
print(i.extra, i.__name__, i)
for bad in [lambda: ModuleType(), lambda: ModuleType(1), lambda: ModuleType('a', 'b', 'c'), lambda: M(2), lambda: M()]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
try:
    this.__class__ = int
except TypeError as e:
    print('TypeError:', e)
try:
    m.__class__ = Init
    print(type(m).__name__)
except TypeError as e:
    print('TypeError:', e)
