# Generators that close over variables see later changes.
def make():
    n = 1
    def gen():
        for _ in range(3):
            yield n
    g = gen()
    first = next(g)
    n = 100
    return first, list(g)
print(make())
def gen_factory(step):
    def counter(start):
        v = start
        while v < start + 3 * step:
            yield v
            v += step
    return counter
print(list(gen_factory(5)(0)))
def pipeline(*funcs):
    def run(xs):
        for x in xs:
            for f in funcs:
                x = f(x)
            yield x
    return run
p = pipeline(lambda x: x + 1, lambda x: x * 10)
print(list(p(range(3))))
def lazy():
    vals = [lambda: k for k in range(3)]
    return (v() for v in vals)
print(list(lazy()))
