# Function attributes, __globals__, and functions defined in exec with custom globals.
def f():
    return x
g = {"x": "from custom globals"}
exec("def h():\n    return x\n", g)
x = "module x"
print(f(), g["h"](), g["h"].__globals__ is g, f.__globals__ is globals())
f.attr = 5
print(f.attr, vars(f))
import types
f2 = types.FunctionType(f.__code__, {"x": "rebound globals"})
print(f2())
def outer():
    y = 1
    return lambda: y
print(outer().__globals__ is globals())
