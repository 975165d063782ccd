# Generator expressions: the first iterable is evaluated immediately, the rest lazily; late binding of names.
log = []
def src(name, n):
    log.append(f"iter({name})")
    return range(n)
g = (x * y for x in src("outer", 2) for y in src("inner", 2))
print("after creation:", log)
print("values:", list(g))
print("after consumption:", log)
try:
    bad = (x for x in 5)
except TypeError as e:
    print("first iterable checked eagerly:", e)
lazy = (1 / x for x in [1, 0])
print("errors in expression are lazy:", next(lazy), end=" ")
try:
    next(lazy)
except ZeroDivisionError as e:
    print("->", e)
factor = 2
g2 = (x * factor for x in range(3))
factor = 10
print("late binding of free names:", list(g2))
print("genexp as sole call argument needs no extra parens:", sum(x for x in range(4)), max(len(w) for w in ["ab", "c"]))
g3 = (i for i in range(3))
print("genexp is exhausted after one pass:", list(g3), list(g3))
print("nested genexp:", list(sum(row) for row in ([i] * i for i in range(4))))
