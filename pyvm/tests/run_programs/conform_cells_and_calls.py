# Cell objects (cell_contents, CellType), f(*x) argument errors, str.join
# of a non-iterable.
import types


def outer():
    x = 1

    def inner():
        return x

    return inner


f = outer()
c = f.__closure__[0]
print(type(c) is types.CellType, c.cell_contents)
c.cell_contents = 42
print(f())
del c.cell_contents
try:
    f()
except NameError as e:
    print("NameError:", e)
try:
    c.cell_contents
except ValueError as e:
    print("ValueError:", e)
e1, e2, full = types.CellType(), types.CellType(), types.CellType(3)
print(e1 == e2, e1 < full, full > e1, full == types.CellType(3), full < types.CellType(4))
try:
    types.CellType(1, 2)
except TypeError as e:
    print("TypeError:", e)


def g(*a):
    return a


class It:
    def __iter__(self):
        return iter([7, 8])


print(g(*It()), g(*"ab"), g(*range(3)), g(*[1], *[2]))
for expr in ["g(*5)", "print(*None)", "g(1, *5)", "[*5]", "g(*object(), **{})"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)
for bad in [5, None, object()]:
    try:
        ",".join(bad)
    except TypeError as e:
        print("join:", e)
print("-".join(map(str, It())))
