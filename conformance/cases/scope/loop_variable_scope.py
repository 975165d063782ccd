# Loop variables leak into the enclosing function scope; comprehension variables do not.
def f():
    for i in range(3):
        pass
    for j, k in [(1, 2)]:
        pass
    with open(__file__) as fh:
        pass
    return i, j, k, fh.closed
print(f())
def g():
    [m for m in range(3)]
    try:
        return m
    except NameError as e:
        return "NameError: " + str(e)
print(g())
def h():
    while (n := 3) > 5:
        pass
    return n
print(h())
def try_scope():
    try:
        inside = "assigned in try"
        raise ValueError
    except ValueError:
        handler_var = "assigned in except"
    return inside, handler_var
print(try_scope())
