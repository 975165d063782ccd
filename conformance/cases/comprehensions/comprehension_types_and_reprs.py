# Types produced by each comprehension form, and conversion between them.
lc = [x for x in "abc"]
sc = {x for x in "aab"}
dc = {x: i for i, x in enumerate("ab")}
ge = (x for x in "ab")
print(type(lc).__name__, type(sc).__name__, type(dc).__name__, type(ge).__name__)
print(lc, sorted(sc), dc, list(ge), list(ge))
print(tuple(x for x in range(3)), frozenset(x % 2 for x in range(4)) == {0, 1})
print(dict((k, v) for k, v in [("a", 1)]), list({x: None for x in "ba"}))
print(len([None for _ in range(1000)]), sum(1 for _ in "hello"))
print([[x] for x in range(3)], [(x,) for x in range(2)], [{x} for x in range(2)])
