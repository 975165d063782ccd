# Data descriptors of builtin types (types.py takes its types from these)
# and module/class annotations (SetupAnnotations).
def f(x=1, *, k=2):
    return x
FT = type(f)
d = FT.__code__
print(type(d).__name__, type(FT.__globals__).__name__, d.__name__, d.__objclass__)
print(repr(d), repr(FT.__globals__))
print(d.__get__(f, FT) is f.__code__, FT.__defaults__.__get__(f), FT.__kwdefaults__.__get__(f))
print(type(property.fget).__name__, type(int.real).__name__, int.numerator.__get__(7))
print(complex.imag.__get__(3j), range.stop.__get__(range(2, 9)))
try:
    d.__get__(3)
except TypeError as e:
    print(e)
FT.__defaults__.__set__(f, (5,))
print(f())
print(hasattr(FT, "nope"), hasattr(list, "__code__"), d.__get__(None, FT) is d)

x: int = 1
y: str
class A:
    a: int = 2
    b: "B"
print(__annotations__, A.__annotations__, A.a)
def g():
    z: int = 3
    return z
print(g(), "z" in g.__code__.co_varnames)
