# abc.ABC, abstractmethod, register, __subclasshook__.
from abc import ABC, abstractmethod, ABCMeta
import collections.abc as cabc

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name()} {self.area()}"

try:
    Shape()
except TypeError as e:
    print("abstract instantiation:", e)

class Half(Shape):
    def area(self):
        return 1
try:
    Half()
except TypeError as e:
    print("partially abstract:", e)

class Sq(Shape):
    def area(self):
        return 4
    def name(self):
        return "sq"
print("concrete:", Sq().describe())
print("abstract set:", sorted(Shape.__abstractmethods__), sorted(Sq.__abstractmethods__))

class Duck:
    def __len__(self):
        return 0
print("Sized hook:", isinstance(Duck(), cabc.Sized), issubclass(Duck, cabc.Iterable))

class Proto(metaclass=ABCMeta):
    pass
Proto.register(int)
print("registered virtual subclass:", isinstance(5, Proto), issubclass(bool, Proto), Proto in int.__mro__)

class Hooked(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if hasattr(C, "quack"):
            return True
        return NotImplemented
class D:
    def quack(self): pass
print("subclasshook:", issubclass(D, Hooked), issubclass(int, Hooked))
print("collections.abc checks:", isinstance([], cabc.MutableSequence), isinstance((), cabc.MutableSequence),
      isinstance({}, cabc.Mapping), isinstance(range(3), cabc.Sequence), isinstance("", cabc.Hashable))

class Prop(ABC):
    @property
    @abstractmethod
    def value(self): ...
class PropImpl(Prop):
    value = 3
print("abstract property implemented by attr:", PropImpl().value)
