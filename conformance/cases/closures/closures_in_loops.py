# Closures created in loops, comprehensions and generator expressions.
handlers = {}
for name in ['a', 'b', 'c']:
    def h(name=name):
        return name.upper()
    handlers[name] = h
print({k: v() for k, v in handlers.items()})
muls = [lambda x, n=n: x * n for n in range(1, 4)]
print([m(10) for m in muls])
shared = [lambda x: x * n for n in range(1, 4)]
print([m(10) for m in shared])
def make():
    result = []
    i = 0
    while i < 3:
        def f(j=i):
            return j * j
        result.append(f)
        i += 1
    return [f() for f in result]
print(make())
gens = [(x for _ in range(2)) for x in 'pq']
print([list(g) for g in gens])
def fac():
    return lambda n: 1 if n <= 1 else n * fac()(n - 1)
print(fac()(6))
