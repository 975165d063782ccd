# Several closures share one cell; a cell outlives the frame that created it.
def make_pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
g1, s1 = make_pair()
g2, s2 = make_pair()
s1(10); s2(20)
print(g1(), g2(), g1.__closure__[0] is s1.__closure__[0], g1.__closure__[0] is g2.__closure__[0])
def generator_and_closure():
    state = []
    def add(x):
        state.append(x)
    def gen():
        while True:
            yield list(state)
    return add, gen()
add, gen = generator_and_closure()
add(1)
print(next(gen))
add(2)
print(next(gen))
def counters(n):
    return [(lambda: (lambda c=[0]: c.__setitem__(0, c[0] + 1) or c[0]))() for _ in range(n)]
cs = counters(2)
print(cs[0](), cs[0](), cs[1]())
