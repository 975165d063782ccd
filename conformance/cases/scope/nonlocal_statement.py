# nonlocal rebinding of enclosing function variables, several levels deep.
def make_counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = make_counter()
print(c(), c(), c(10))
c2 = make_counter()
print(c2(), c())
def three_levels():
    v = "outer"
    def middle():
        def inner():
            nonlocal v
            v = "changed by inner"
        inner()
        return v
    return middle(), v
print(three_levels())
def sibling_share():
    shared = []
    def add(x):
        nonlocal shared
        shared = shared + [x]
    def get():
        return shared
    add(1); add(2)
    return get()
print(sibling_share())
def nearest():
    x = 1
    def mid():
        x = 2
        def inner():
            nonlocal x
            x += 10
        inner()
        return x
    return mid(), x
print(nearest())
