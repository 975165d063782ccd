# typing.Generic subscription, runtime_checkable Protocol isinstance checks, and TypeVar in class definitions.
from typing import Generic, TypeVar, Protocol, runtime_checkable, get_args, get_origin
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
IntBox = Box[int]
b = IntBox(5)
print("generic alias:", IntBox, get_origin(IntBox) is Box, get_args(IntBox), type(b).__name__, b.item)
print("parameters:", Box.__parameters__, isinstance(b, Box))
try:
    isinstance(b, Box[int])
except TypeError as e:
    print("isinstance with subscripted generic:", e)
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class File:
    def close(self):
        pass
class Nope:
    pass
print("runtime protocol:", isinstance(File(), Closable), isinstance(Nope(), Closable), issubclass(File, Closable))
class NotRuntime(Protocol):
    def x(self): ...
try:
    isinstance(File(), NotRuntime)
except TypeError as e:
    print("non-runtime protocol:", type(e).__name__)
class Pair(Generic[T]):
    pass
class IntPair(Pair[int]):
    pass
print("subclass of parameterized generic:", IntPair.__orig_bases__, [c.__name__ for c in IntPair.__mro__])
try:
    Box[int, str]
except TypeError as e:
    print("too many parameters:", type(e).__name__)
