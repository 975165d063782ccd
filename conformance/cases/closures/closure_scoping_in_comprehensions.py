# Closures created inside comprehensions capture the comprehension's own variables.
fs = [lambda: x for x in range(3)]
print([f() for f in fs])
gs = [(lambda y: lambda: y)(x) for x in range(3)]
print([g() for g in gs])
def outer():
    n = 10
    return [lambda: n + i for i in range(2)]
print([f() for f in outer()])
d = {k: (lambda k=k: k * 2) for k in "ab"}
print({k: v() for k, v in d.items()})
nested = [[lambda i=i, j=j: (i, j) for j in range(2)] for i in range(2)]
print([f() for row in nested for f in row])
