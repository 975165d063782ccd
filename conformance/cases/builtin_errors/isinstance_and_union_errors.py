# isinstance/issubclass with union types, tuples, abstract classes and bad arguments.
import collections.abc
print(isinstance(1, int | str), isinstance("s", int | None), isinstance(None, int | None))
print(issubclass(bool, int | float), isinstance([], collections.abc.Sequence), isinstance({}, collections.abc.Sequence))
print(isinstance(3, (str, (bytes, (int,)))), issubclass(int, ()), isinstance(1, ()))
tries = [lambda: isinstance(1, list[int]), lambda: issubclass(list[int], list), lambda: isinstance(1, "int"),
         lambda: issubclass(int, 5), lambda: isinstance(1, int | "str"), lambda: issubclass(5, int)]
for t in tries:
    try:
        print("ok:", t())
    except TypeError as e:
        print("TypeError:", e)
print((int | str).__args__, int | int, type(int | None).__name__)
