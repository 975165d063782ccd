# Generator functions: laziness, exhaustion, return values, and state.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")
g = count_up(3)
print(type(g).__name__, "created, nothing printed yet")
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "default"))
print(list(count_up(2)), sum(count_up(5)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def early_return(flag):
    yield 1
    if flag:
        return "stopped"
    yield 2
print(list(early_return(True)), list(early_return(False)))
print(iter(g) is g, hasattr(g, '__next__'))
