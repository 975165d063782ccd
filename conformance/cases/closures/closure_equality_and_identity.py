# Each evaluation of a def or lambda makes a new function object with its own cells.
def make():
    v = []
    return lambda: v
f1, f2 = make(), make()
print(f1 is f2, f1 == f2, f1() is f2(), f1.__code__ is f2.__code__)
def same_cell():
    v = 0
    a = lambda: v
    b = lambda: v
    return a, b
a, b = same_cell()
print(a.__closure__[0] is b.__closure__[0], a is b)
funcs = [lambda: 0 for _ in range(3)]
print(len(set(map(id, funcs))) == 3, all(f.__code__ is funcs[0].__code__ for f in funcs))
def deco(fn):
    return fn
@deco
def decorated():
    return "same object returned by decorator"
print(deco(decorated) is decorated, decorated())
