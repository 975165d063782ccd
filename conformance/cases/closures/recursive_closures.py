# Closures that refer to themselves, memoization and trampolines.
def make_fact():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
fact = make_fact()
print(fact(20))
def make_memo_fib():
    cache = {0: 0, 1: 1}
    def fib(n):
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]
    return fib
fib = make_memo_fib()
print(fib(90))
def trampoline(f, *args):
    result = f(*args)
    while callable(result):
        result = result()
    return result
def countdown(n):
    if n == 0:
        return "liftoff"
    return lambda: countdown(n - 1)
print(trampoline(countdown, 100000))
def y_combinator(f):
    return (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
print(y_combinator(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))(10))
