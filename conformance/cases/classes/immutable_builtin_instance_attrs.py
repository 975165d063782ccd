# Instances of builtin types have no __dict__; object.__setattr__ cannot bypass that; subclasses get a __dict__.
for obj in (1, "s", (1,), 1.5, None, b"b", frozenset(), range(1)):
    try:
        object.__setattr__(obj, "attr", 1)
    except AttributeError as e:
        print(f"{type(obj).__name__:9} -> AttributeError: {e}")
    except TypeError as e:
        print(f"{type(obj).__name__:9} -> TypeError: {e}")
for cls in (int, str, tuple, list):
    try:
        cls.new_attr = 1
    except TypeError as e:
        print(f"{cls.__name__}.new_attr -> {e}")
class MyInt(int):
    pass
m = MyInt(3)
m.note = "ok"
print("subclass instance attrs:", m.note, vars(m), m + 1)
class Slotted(int):
    __slots__ = ()
try:
    Slotted(1).x = 1
except AttributeError as e:
    print("slotted int subclass:", e)
try:
    object.__setattr__(int, "x", 1)
except TypeError as e:
    print("object.__setattr__ on a type:", e)
f = lambda: 0
f.attr = "functions have __dict__"
print(f.attr, "modules too:", (lambda m: (setattr(m, "zz_test", 1), m.zz_test)[1])(__import__("types").ModuleType("tmp")))
