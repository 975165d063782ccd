# tee(): independent iterators over one source, the source must not be used afterwards, tee of tee, n=0.
from itertools import tee, islice
src = iter(range(6))
a, b = tee(src)
print("a advances alone:", list(islice(a, 3)), "b starts from beginning:", next(b))
print("remaining a:", list(a), "remaining b:", list(b))
src2 = iter("abcdef")
x, y = tee(src2)
next(src2)
print("using the source directly skips items for tees:", next(x), next(y))
p, q = tee([1, 2, 3])
r, s = tee(p)
print("tee of tee:", list(r), list(s), list(q))
print("n=0:", tee("abc", 0), "n=3:", [list(t) for t in tee("ab", 3)])
t1, t2 = tee(x * x for x in range(4))
print("copy():", list(t1.__copy__()), list(t1), list(t2))
def gen():
    yield 1
    raise ValueError("from source")
g1, g2 = tee(gen())
print("first:", next(g1), next(g2))
try:
    next(g1)
except ValueError as e:
    print("error reaches the tee that pulls it:", e)
print("the other tee then sees the finished source:", next(g2, "exhausted"))
