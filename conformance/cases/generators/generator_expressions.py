# Generator expressions: laziness, single use, first iterable evaluated eagerly.
log = []
def src():
    log.append("src called")
    return range(3)
g = (x * 2 for x in src())
print(log)
print(list(g), list(g))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
gen = (1 / x for x in [1, 0])
print(next(gen))
try:
    next(gen)
except ZeroDivisionError as e:
    print("ZeroDivisionError on consumption:", e)
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc"]))
print(sorted((c for c in "hello"), reverse=True))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
print(type(x for x in []).__name__)
print(any(x > 2 for x in [1, 2, 3]), all(x for x in []))
