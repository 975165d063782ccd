# __closure__, co_freevars and co_cellvars for various nestings.
def outer(a):
    b = 2
    def middle():
        c = 3
        def inner():
            return a + b + c
        return inner
    return middle
m = outer(1)
i = m()
print(outer.__code__.co_cellvars, m.__code__.co_freevars, m.__code__.co_cellvars)
print(i.__code__.co_freevars, [c.cell_contents for c in i.__closure__])
print(i())
def no_closure():
    x = 1
    def inner():
        return 2
    return inner
print(no_closure().__closure__)
def param_cell(p):
    def inner():
        return p
    return inner
print(param_cell.__code__.co_cellvars, param_cell("v")())
import types
rebuilt = types.FunctionType(i.__code__, i.__globals__, "rebuilt", None, i.__closure__)
print(rebuilt(), rebuilt.__name__)
