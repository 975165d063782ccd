# def: defaults, keyword-only, positional-only, *args, **kwargs, annotations.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, z=0))
def g(x, y, /, z, *, w):
    return x, y, z, w
print(g(1, 2, 3, w=4), g(1, 2, z=3, w=4))
try:
    g(x=1, y=2, z=3, w=4)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
def ann(a: int, b: "str" = "x") -> list:
    return [a, b]
print(ann.__annotations__, ann(1))
def defaults(x=[]):
    x.append(len(x))
    return x
print(defaults(), defaults(), defaults([9]))
print(f.__defaults__, f.__kwdefaults__, g.__code__.co_posonlyargcount)
print(f.__name__, f.__qualname__, g.__code__.co_kwonlyargcount)
def h(*, only): return only
print(h(only=1))
