# Subclasses of classmethod, staticmethod and property.

class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class A:
    @abstractclassmethod
    def make(cls):
        return "made " + cls.__name__

    @abstractstaticmethod
    def helper(x):
        return x * 2


class B(A):
    pass


print(A.make(), B.make(), B().make(), A.helper(3), A().helper(4))
print(type(A.__dict__["make"]).__name__, isinstance(A.__dict__["make"], classmethod))
print(A.__dict__["make"].__isabstractmethod__, A.__dict__["make"].__func__.__name__)


class cached_property(property):
    def __init__(self, fget):
        super().__init__(fget)
        self.hits = 0

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        self.hits += 1
        return super().__get__(obj, owner)


class C:
    def __init__(self):
        self._x = 10

    @cached_property
    def x(self):
        return self._x + 1

    @property
    def y(self):
        return 5

    @y.setter
    def y(self, v):
        self._y = v


c = C()
print(c.x, c.x, C.__dict__["x"].hits, type(C.x).__name__, C.x.fget.__name__)
try:
    c.x = 3
except AttributeError as e:
    print("AttributeError:", e)


class Logged(property):
    log = []

    def __set__(self, obj, value):
        Logged.log.append(value)
        super().__set__(obj, value)


class D:
    def _get(self):
        return self.__dict__.get("_v", 0)

    def _set(self, v):
        self.__dict__["_v"] = v

    v = Logged(_get, _set, None, "the v")


d = D()
d.v = 7
print(d.v, Logged.log, D.v.__doc__, isinstance(D.v, property))


class counted(classmethod):
    calls = 0

    def __get__(self, obj, owner=None):
        counted.calls += 1
        return super().__get__(obj, owner)


class E:
    @counted
    def who(cls):
        return cls.__name__


print(E.who(), E().who(), counted.calls)


class tagged(staticmethod):
    def __init__(self, f, tag="t"):
        super().__init__(f)
        self.tag = tag


class F:
    @tagged
    def f():
        return "f()"


print(F.f(), F.__dict__["f"].tag, F().f())
