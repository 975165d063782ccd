# UnpackSequence of exact tuples and lists, generator suspension and
# resumption: warm the fast paths, then break their guards.


def swap_all(pairs):
    out = []
    for p in pairs:
        a, b = p
        out.append((b, a))
    return out


print(swap_all([(1, 2), [3, 4], ("x", "y")] * 3))
t = (1, 2, 3)
for i in range(5):
    a, b, c = t
    t = (c, a, b)
print(t)
x = [1, 2]
x[0], x[1] = x  # the source is one of the targets' containers
print(x)
a, b = b, a = 1, 2
print(a, b)

for bad in [(1, 2, 3), [1], (), "ab", "abc"]:
    try:
        p, q = bad
        print("ok", p, q)
    except ValueError as exc:
        print("ValueError:", exc)
try:
    p, q = 5
except TypeError as exc:
    print("TypeError:", exc)


class T(tuple):
    def __iter__(self):
        return iter(("from", "__iter__"))


class L(list):
    def __iter__(self):
        yield "list"
        yield "subclass"


for i in range(3):
    p, q = T((1, 2))
    r, s = L([3, 4])
print(p, q, r, s)


def gen(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("got", got)


print(list(gen(5)), sum(gen(100)))
g = gen(10)
print(next(g), next(g), g.send("hello"), next(g))
g.close()
print(list(g))
g = gen(10)
for v in g:
    if v == 3:
        g.close()
print("closed at", v)


def deep(n):
    if n == 0:
        yield "leaf"
        return
    yield from deep(n - 1)
    yield n


print(list(deep(20)))


def raiser():
    yield 1
    yield 2
    raise KeyError("inside")


try:
    for v in raiser():
        print("v", v)
except KeyError as exc:
    print("KeyError:", exc)


def locals_kept():
    a, b, c = [1, 2, 3]
    for i in range(3):
        a, b, c = b, c, a
        yield a, b, c


print(list(locals_kept()))
big = 2**70
print([i - big for i in range(big, big + 3)], list(range(-3, 3, 2)))
