# list[int] (types.GenericAlias), int | None (types.UnionType), PEP 560 __mro_entries__.
import types
g = list[int]
print(type(g), type(g).__module__, repr(dict[str, list[int]]), repr(tuple[int, ...]), g.__parameters__, g == list[int], hash(g)==hash(list[int]))
print(list[int]('ab'), list[int].__mro_entries__((1,)), type[int], tuple[()])
try: isinstance([], list[int])
except TypeError as e: print(e)
print(repr(types.GenericAlias(list, (int,))), list[int].__origin__, list[int].__args__, list[int].__name__)
print(list[int] | None)
print(int | None, type(int|None), int | str | int, (int | str) == (str | int))
print(isinstance(3, int | str), isinstance(None, int | None), issubclass(bool, int | str))
class Base:
    def __class_getitem__(cls, item):
        return types.GenericAlias(cls, item)
class C(Base[int]): pass
print(C.__bases__, C.__orig_bases__, Base[int], type(Base[int]()))
class E:
    def __mro_entries__(self, bases):
        return (Base, object)
class D(E()): pass
print(D.__mro__)
try:
    int | 3
except TypeError as e:
    print(e)
try:
    None | None
except TypeError as e:
    print(e)
try:
    dict[int]()[1]
except KeyError as e:
    print("KeyError", e)
print(types.UnionType, types.GenericAlias, type(list[int]) is types.GenericAlias)
