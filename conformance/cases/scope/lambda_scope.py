# Lambdas capture enclosing scopes like functions; default arguments capture values.
x = 10
f = lambda: x
x = 20
print(f())
def outer():
    y = 1
    g = lambda: y
    y = 2
    return g()
print(outer())
adders = {n: (lambda v, n=n: v + n) for n in range(3)}
print({k: a(100) for k, a in adders.items()})
def counter():
    c = [0]
    inc = lambda: c.__setitem__(0, c[0] + 1) or c[0]
    return inc
inc = counter()
print(inc(), inc(), inc())
compose = lambda *fs: (lambda v: __import__("functools").reduce(lambda acc, fn: fn(acc), fs, v))
print(compose(lambda a: a + 1, lambda a: a * 3)(4))
