# Variable annotations: module and class __annotations__, no evaluation at function level.
x: int = 5
y: "forward"
print(__annotations__)
try:
    y
except NameError as e:
    print("NameError:", e)
class C:
    a: int
    b: str = "bee"
    c: list[int] = []
print(C.__annotations__, C.b, hasattr(C, 'a'))
def f():
    z: undefined_name_never_evaluated = 3
    return z
print(f())
def g(p: int, *args: str, q: float = 1.0, **kw: bool) -> None:
    pass
print(g.__annotations__)
print((lambda: 0).__annotations__)
