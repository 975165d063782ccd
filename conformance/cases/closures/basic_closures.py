# Closures capture variables, not values; each call gets its own cell.
def make_adder(n):
    def add(x):
        return x + n
    return add
a5, a10 = make_adder(5), make_adder(10)
print(a5(1), a10(1), a5.__closure__[0].cell_contents)
def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late_binding())
def early_binding():
    return [(lambda i=i: i)() for i in range(3)]
print(early_binding())
def observe():
    v = 1
    def get():
        return v
    v = 2
    return get()
print(observe())
print(make_adder.__closure__, a5.__code__.co_freevars, make_adder.__code__.co_cellvars)
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def peek():
        return count
    return inc, peek
inc, peek = counter()
inc(); inc()
print(peek())
