# Generator frames survive between resumptions; locals persist; gi_yieldfrom.
def g():
    a = 1
    yield a
    a += 10
    b = a * 2
    yield a, b
    yield locals()
gen = g()
print(next(gen), next(gen), sorted(next(gen).items()))
def inner():
    yield 1
    yield 2
def outer():
    yield from inner()
o = outer()
print(o.gi_yieldfrom)
next(o)
print(o.gi_yieldfrom.__name__ if o.gi_yieldfrom else None)
list(o)
print(o.gi_yieldfrom)
gens = [g() for _ in range(3)]
print([next(x) for x in gens], [next(x) for x in gens])
def counter():
    i = 0
    while True:
        i += 1
        yield i
c1, c2 = counter(), counter()
print(next(c1), next(c1), next(c2), next(c1), next(c2))
