# Cell objects: cell_contents, empty cells, and types.CellType.
import types
def outer():
    x = 1
    def inner():
        return x
    return inner
f = outer()
cell = f.__closure__[0]
print(type(cell) is types.CellType, cell.cell_contents)
cell.cell_contents = 99
print(f())
def empty_cell():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    y = 1
    return inner
g = empty_cell()
print(g())
c = types.CellType()
try:
    c.cell_contents
except ValueError as e:
    print("ValueError:", e)
c2 = types.CellType(5)
print(c2.cell_contents, c2 == types.CellType(5), c2 < types.CellType(6))
del c2.cell_contents
try:
    c2.cell_contents
except ValueError as e:
    print("ValueError:", e)
