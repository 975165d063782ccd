# gc-stress-interval: 500
# typing: special forms, generics, protocols, NamedTuple, TypedDict and
# their reprs, as CPython 3.11 prints them.
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, FrozenSet, Generic,
                    List, Literal, NamedTuple, Optional, Protocol, Set, Tuple,
                    Type, TypedDict, TypeVar, Union, cast, final, get_args,
                    get_origin, get_type_hints, overload, runtime_checkable)

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')
print(List[int], Optional[int], Union[int, str], Dict[str, int])
print(Callable[[int], str], Callable[..., int], Callable[[], None])
print(T, Any, Literal[1, 'a'], Tuple[int, ...], Type[int], Set[int], FrozenSet[str])
print(repr(Any), str(Any), [Any], f'{Any}')
print(Union[int], Union[int, int], Union[int, Union[str, float]], Union[int, None])
print(Optional[int] == Union[int, None], List[int] == List[int], List[int] == list[int])
print(list[int], dict[str, list[int]], int | None, list[int] | None)
print(ClassVar[int], Final[int], typing.Annotated[int, 'meta'])
print(typing.Iterable[int], typing.Mapping[str, int], typing.Sequence, Generic, Protocol)
print(typing.DefaultDict[str, int], typing.Deque[int], typing.Counter[str])


class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v

    def get(self) -> T:
        return self.v


class Pair(Generic[K, V]):
    pass


print(Box[int], Box(3).get(), Box.__parameters__, Box[int].__origin__, Box.__mro__)
print(Pair[int, str], Pair[T, int][str], List[T][int], Dict[K, V][str, int])
try:
    Pair[int]
except TypeError as e:
    print('TypeError:', e)
try:
    isinstance(1, List[int])
except TypeError as e:
    print('TypeError:', e)

S = TypeVar('S', bound=int)
print(S, S.__bound__, TypeVar('U', int, str).__constraints__, TypeVar('C', covariant=True))


class Shape(Protocol):
    def area(self) -> float: ...


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class File:
    def close(self):
        pass


print(isinstance(File(), Closable), isinstance(1, Closable), issubclass(File, Closable))
try:
    isinstance(File(), Shape)
except TypeError as e:
    print('TypeError:', e)


class Employee(NamedTuple):
    name: str
    id: int = 3

    def describe(self):
        return f'{self.name}-{self.id}'


e = Employee('ann')
print(e, e.describe(), e._replace(id=5), Employee._fields, Employee._field_defaults)
print(Employee.__annotations__, isinstance(e, tuple), Employee.__mro__)
name, ident = e
print(name, ident, e[0], len(e))
Point = NamedTuple('Point', [('x', int), ('y', int)])
print(Point(1, 2), Point._fields, Point(1, 2)._asdict())
try:
    Employee()
except TypeError as e:
    print('TypeError:', e)


class Movie(TypedDict):
    title: str
    year: int


class Partial(TypedDict, total=False):
    rating: float


m = Movie(title='x', year=1999)
print(m, type(m), Movie.__annotations__, sorted(Movie.__required_keys__))
print(Partial.__total__, sorted(Partial.__optional_keys__))
Alt = TypedDict('Alt', {'a': int})
print(Alt(a=1), Alt.__annotations__)


def f(x: int, y: 'str' = 'a') -> List[int]:
    return [x]


class Node(Generic[T]):
    children: List['Node[T]']
    label: ClassVar[str] = 'n'


print(get_type_hints(f), get_type_hints(Node))
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Callable[[int], str]),
      get_args(Callable[[int], str]), get_args(Optional[int]), get_origin(typing.Annotated[int, 1]))
print(cast(int, 'not an int'), cast('List[int]', 5))


@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x


print(g(1), g('s'))


@final
class Leaf:
    pass


print(Leaf.__final__, typing.TYPE_CHECKING)
UserId = typing.NewType('UserId', int)
print(UserId, UserId(5), typing.ForwardRef('X'), Optional['X'])
P = typing.ParamSpec('P')
print(P, P.args, Callable[P, int], typing.Concatenate[int, P])
print(typing.Self, typing.LiteralString, typing.Never, typing.NoReturn, typing.Required[int])
print(typing.SupportsInt, isinstance(3, typing.SupportsInt), isinstance('x', typing.SupportsIndex))
print(issubclass(list, typing.Sized), typing.Hashable, typing.IO, typing.Pattern, typing.Match)
try:
    Union[int]()
except TypeError as e:
    print('TypeError:', e)
try:
    Literal[1]()
except TypeError as e:
    print('TypeError:', e)


class Meta(type):
    def __repr__(cls):
        return f'<class {cls.__name__} via Meta>'

    def __str__(cls):
        return 'str of ' + cls.__name__


class WithMeta(metaclass=Meta):
    pass


print(repr(WithMeta), str(WithMeta), WithMeta, f'{WithMeta}', [WithMeta], {WithMeta: 1})
