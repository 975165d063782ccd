# gc-stress-interval: 20
# The native _abc module behind abc.ABCMeta: abstract methods, virtual
# subclasses, caches, the subclass hook, and CPython's errors.
import abc, _abc, gc
from collections.abc import Mapping, Sequence, Iterable, Hashable, Sized, MutableMapping
print(abc.ABCMeta.__module__, hasattr(abc, '_abc_init'))
class C: pass
class D(dict): pass
print(isinstance({}, Mapping), isinstance([], Mapping), isinstance(D(), MutableMapping), isinstance(C(), Sized))
print(issubclass(list, Sequence), issubclass(C, Iterable), issubclass(str, Hashable))
class L:
    def __len__(self): return 0
print(isinstance(L(), Sized), issubclass(L, Sized))
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
print(sorted(A.__abstractmethods__))
try: A()
except TypeError as e: print(e)
class B(A):
    def f(self): return 1
print(sorted(B.__abstractmethods__))
class E(B):
    p = 3
print(E().f(), sorted(E.__abstractmethods__))
A.register(C)
print(issubclass(C, A), isinstance(C(), A), A.register(C) is C)
try: A.register(3)
except TypeError as e: print(e)
class X(abc.ABC): pass
class Y(X): pass
try: Y.register(X)
except RuntimeError as e: print(e)
tok = abc.get_cache_token(); X.register(int); print(abc.get_cache_token() == tok + 1)
r, c, n, v = abc._get_dump(A)
print(len(r), [x() for x in r] == [C], v == abc.get_cache_token())
abc._reset_caches(A); print(len(abc._get_dump(A)[1]))
abc._reset_registry(A); print(issubclass(C, A))
class H(abc.ABC):
    @classmethod
    def __subclasshook__(cls, sub): return 1
try: issubclass(int, H)
except AssertionError as e: print("AssertionError", e)
try: issubclass(3, Mapping)
except TypeError as e: print(e)
print(type(A._abc_impl).__name__, type(A._abc_impl).__module__)
# Classes are collected once unreachable, also after an ABC cached them
# and while their base lists them in __subclasses__.
import weakref
class Base: pass
class T(Base): pass
isinstance(T(), Mapping)
issubclass(T, Sequence)
w = weakref.ref(T)
print(Base.__subclasses__())
del T
gc.collect()
print(w(), Base.__subclasses__())
