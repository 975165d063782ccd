# gc-stress-interval: 400
# Method descriptors and slot wrappers of builtin types.
import copy
import pickle
import types

print(type(str.upper).__name__, type(int.__add__).__name__, type(object.__init__).__name__)
print(type(str.upper) is types.MethodDescriptorType, type(int.__add__) is types.WrapperDescriptorType)
print(str.upper.__objclass__, int.__add__.__objclass__, list.__dict__["append"].__objclass__)
print(repr(list.append), repr(int.__add__), repr(object.__repr__), repr(str.__dict__["upper"]))
print(list.append.__name__, list.append.__qualname__, int.__add__.__qualname__)
print(type(int.__dict__["__format__"]).__name__, type(dict.__dict__["__reduce__"]).__name__ if "__reduce__" in dict.__dict__ else "method_descriptor")
print(hasattr(type(str.upper), "__get__"), hasattr(type(str.upper), "__set__"), callable(str.upper))
print(str.upper("abc"), int.__add__(2, 3), str.upper.__get__("abc")(), int.__add__.__get__(10, int)(5))
print(str.upper.__get__(None, str) is str.upper)


class S(str):
    pass


print(str.upper.__get__(S("sub"))())
for bad in (lambda: str.upper.__get__(5), lambda: list.append.__get__("x")):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(sorted(["b", "A", "c"], key=str.lower), list(map(str.strip, [" a ", "b "])))
print(pickle.loads(pickle.dumps(str.upper)) is str.upper, copy.deepcopy(list.append) is list.append)
print(hasattr(str.upper, "__objclass__"), hasattr(len, "__objclass__"), hasattr("a".upper, "__objclass__"))
print(type(len).__name__, repr(len))
gd = types.FunctionType.__dict__["__name__"]
print(type(gd) is types.GetSetDescriptorType, type(types.FunctionType.__dict__["__globals__"]).__name__)
try:
    class Bad(type(str.upper)):
        pass
except TypeError as e:
    print("TypeError:", e)
