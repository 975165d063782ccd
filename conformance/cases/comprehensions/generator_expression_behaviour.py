# Generator expressions inside calls, their laziness and exhaustion.
total = sum(x for x in range(101))
print(total)
g = (x * 10 for x in range(3))
print(list(zip(g, "ab")), list(g))
print(sorted(x for x in [3, 1, 2]))
print(list(map(lambda p: p[0] * p[1], ((i, i + 1) for i in range(4)))))
print(dict((k, len(k)) for k in ["aa", "b"]))
print(tuple(c for c in "xyz"), set(x % 2 for x in range(5)) == {0, 1})
print("".join(str(d) for d in range(5)))
gen = (print("evaluated", x) for x in range(2))
print("created")
for _ in gen:
    pass
def first_match(pred, xs):
    return next((x for x in xs if pred(x)), None)
print(first_match(lambda x: x > 3, [1, 5, 7]), first_match(lambda x: x > 10, [1]))
