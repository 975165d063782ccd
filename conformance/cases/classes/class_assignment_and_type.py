# type(), isinstance/issubclass, __class__ assignment, __bases__, __name__/__qualname__.
import types
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
class Outer:
    class Inner:
        pass

o = A()
print("before:", type(o).__name__, o.who())
o.__class__ = B
print("after __class__ swap:", type(o).__name__, o.who(), isinstance(o, A))
try:
    (1).__class__ = bool
except TypeError as e:
    print("int __class__ assignment:", type(e).__name__)
print("qualname:", Outer.Inner.__qualname__, Outer.Inner.__name__)
print("module:", A.__module__)
print("bases:", [k.__name__ for k in B.__bases__], object.__bases__)
print("isinstance tuple:", isinstance(3, (str, int)), isinstance(3, (str, (float, int))))
print("issubclass:", issubclass(bool, int), issubclass(int, bool), issubclass(A, object))
try:
    issubclass(o, A)
except TypeError as e:
    print("issubclass non-class:", e)
try:
    isinstance(1, 2)
except TypeError as e:
    print("isinstance bad:", e)
print("union types:", isinstance(1, int | str), issubclass(bool, int | None))
A.__name__ = "Renamed"
print("renamed:", A.__name__, A.__qualname__)
try:
    A.__name__ = 5
except TypeError as e:
    print("bad name:", e)
print("type of type:", type(type).__name__, type(object).__name__, isinstance(type, object))
class Doc:
    "docstring here"
print("doc:", Doc.__doc__, A.__doc__)
print("dict has method:", "who" in B.__dict__, type(B.__dict__) is types.MappingProxyType)
try:
    B.__dict__["x"] = 1
except TypeError as e:
    print("mappingproxy readonly:", type(e).__name__)
