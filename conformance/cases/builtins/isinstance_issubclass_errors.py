# isinstance/issubclass with tuples, unions, ABCs, and bad arguments.
import collections.abc as abc
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, bytes)), isinstance(1, ()))
print("nested tuples:", isinstance("s", (int, (float, (str,)))))
print("unions:", isinstance(None, int | None), isinstance(1.5, int | str), issubclass(bool, int | str))
print("ABCs:", isinstance([], abc.Sequence), isinstance({}, abc.Sequence), isinstance(iter([]), abc.Iterator), issubclass(dict, abc.MutableMapping))
print("object:", isinstance(type, object), isinstance(object, type), issubclass(type, object), issubclass(object, object))
for label, fn in [
    ("isinstance(1, 1)", lambda: isinstance(1, 1)),
    ("isinstance(1, (int, 1))", lambda: isinstance(1, (int, 1))),
    ("isinstance(1, [int])", lambda: isinstance(1, [int])),
    ("issubclass(1, int)", lambda: issubclass(1, int)),
    ("issubclass(int, 1)", lambda: issubclass(int, 1)),
    ("isinstance(1)", lambda: isinstance(1)),
    ("isinstance(1, list[int])", lambda: isinstance(1, list[int])),
    ("issubclass(list, list[int])", lambda: issubclass(list, list[int])),
]:
    try:
        print(label, "->", fn())
    except TypeError as e:
        print(label, "-> TypeError:", e)
print("short-circuit in tuple:", isinstance(1, (int, 1)))
