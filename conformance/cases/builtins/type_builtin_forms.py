# type(): one-argument form on many objects, three-argument class creation, and errors.
objs = [1, 1.0, 1j, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), None, range(1), slice(1), type, object(),
        memoryview(b""), property(), True]
print([type(o).__name__ for o in objs])
import types
print("types-module identities:", type(len) is types.BuiltinFunctionType, type(lambda: 0) is types.FunctionType,
      type(x for x in ()) is types.GeneratorType, type(...) is types.EllipsisType, type(NotImplemented) is types.NotImplementedType,
      type(None) is types.NoneType)
C = type("C", (), {"x": 1, "__doc__": "made by type()", "m": lambda self: self.x + 1})
print("three-arg:", C.__name__, C.__doc__, C().m(), C.__module__ == __name__, C.__qualname__)
D = type("D", (C,), {})
print("with bases:", D.__mro__[1].__name__, D().x, isinstance(D(), C))
for label, fn in [
    ("type('X', 1, {})", lambda: type("X", 1, {})),
    ("type('X', (), 1)", lambda: type("X", (), 1)),
    ("type(1, (), {})", lambda: type(1, (), {})),
    ("type('X', (1,), {})", lambda: type("X", (1,), {})),
    ("type('X', (bool,), {})", lambda: type("X", (bool,), {})),
    ("type()", lambda: type()),
    ("type('X', (), {'__slots__': 1})", lambda: type("X", (), {"__slots__": 1})),
]:
    try:
        print(label, "->", fn())
    except TypeError as e:
        print(label, "-> TypeError:", e)
print("type(type) and type(object):", type(type) is type, type(object) is type)
print("type of class with metaclass:", type(type("M", (type,), {})("K", (), {})).__name__)
