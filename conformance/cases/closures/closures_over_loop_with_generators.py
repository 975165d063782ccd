# Generators created in a loop over a shared variable versus bound through arguments.
def shared():
    gens = []
    for i in range(3):
        gens.append(x * i for x in range(2))
    return [list(g) for g in gens]
print(shared())
def late():
    gens = []
    for i in range(3):
        def g():
            yield i
        gens.append(g())
    return [next(g) for g in gens]
print(late())
def bound():
    def g(i):
        yield i
    return [next(g(i)) for i in range(3)]
print(bound())
def counter_factory():
    counters = {}
    for name in "ab":
        def make(name=name):
            count = 0
            def inc():
                nonlocal count
                count += 1
                return f"{name}{count}"
            return inc
        counters[name] = make()
    return counters
c = counter_factory()
print(c["a"](), c["a"](), c["b"](), c["a"]())
