# __index__ wherever CPython takes an index; constructors of builtin types
# reached through type(): NoneType, method, function.
class I:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
lst = [10, 20, 30, 40]
print(lst[I(1)], lst[I(-1)], lst[I(1):I(3)], lst[::I(2)], "abcdef"[I(1):I(4)], (1, 2, 3)[I(0)])
lst[I(0)] = 99
del lst[I(1)]
print(lst, lst.pop(I(0)), lst)
lst.insert(I(1), "x")
print(lst, list(range(I(3))), list(range(I(1), I(7), I(2))), "ab" * I(2), I(3) * [0], chr(I(65)))
try:
    lst[I(10)]
except IndexError as e:
    print("IndexError", e)
class Bad:
    pass
for f in (lambda: lst[Bad()], lambda: lst[Bad():], lambda: range(Bad()), lambda: chr(Bad())):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
nan = float("nan")
print(nan is nan, nan in [nan], nan in (1, nan))

NoneType = type(None)
print(NoneType() is None)
try:
    NoneType(1)
except TypeError as e:
    print(e)
MethodType = type(I(0).__index__)
def describe(self, extra):
    return f"{self!r}+{extra}"
m = MethodType(describe, "obj")
print(m("x"), m.__self__, m.__func__ is describe)
for args in [(describe, None), (1, 2)]:
    try:
        MethodType(*args)
    except TypeError as e:
        print(e)
FunctionType = type(describe)
x = "module x"
def getx():
    return x
g = FunctionType(getx.__code__, {"x": "rebound"})
print(g(), getx(), g.__name__)
h = FunctionType(describe.__code__, globals(), "renamed", ("dflt",))
print(h("me"), h.__name__)
def outer():
    y = 1
    def inner():
        return y
    return inner
try:
    FunctionType(outer().__code__, {})
except TypeError as e:
    print(e)
