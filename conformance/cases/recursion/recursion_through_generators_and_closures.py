# Recursion that goes through generators, closures and lambdas hits the same limit.
def gen_recurse(n):
    yield n
    yield from gen_recurse(n + 1)
try:
    for _ in gen_recurse(0):
        pass
except RecursionError:
    print("generator recursion: RecursionError")
f = lambda n: f(n + 1)
try:
    f(0)
except RecursionError:
    print("lambda recursion: RecursionError")
def make():
    def inner(n):
        return inner(n + 1)
    return inner
try:
    make()(0)
except RecursionError:
    print("closure recursion: RecursionError")
class Callable:
    def __call__(self, n):
        return self(n + 1)
try:
    Callable()(0)
except RecursionError:
    print("__call__ recursion: RecursionError")
def shallow_gen(depth):
    if depth:
        yield from shallow_gen(depth - 1)
    else:
        yield "bottom"
print(list(shallow_gen(200)))
