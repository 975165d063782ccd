# Only the first iterable of a generator expression is evaluated immediately, in the enclosing scope.
class C:
    xs = [1, 2, 3]
    ys = [10, 20]
    first_only = list(x for x in xs)
    try:
        pairs = list((x, y) for x in xs for y in ys)
    except NameError as e:
        pairs = "NameError: " + str(e)
print(C.first_only, C.pairs)
def make(n):
    gen = (i * n for i in range(3))
    n = 100
    return list(gen)
print(make(2))
def early():
    src = [1, 2]
    gen = (x for x in src)
    src = [9, 9]
    return list(gen)
print(early())
it = iter([1, 2, 3])
g = (x * 10 for x in it)
print(next(it), list(g))
