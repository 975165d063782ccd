# Calls with exactly the positional parameters take a direct frame set-up;
# everything the generic binding does must still be seen.


def add(a, b):
    return a + b


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(add(1, 2), fib(15))


def three(a, b, c=3):
    return (a, b, c)


for _ in range(3):
    print(three(1, 2), three(1, 2, 4))
three.__defaults__ = (30,)
print(three(1, 2))


def other(a, b):
    return "other", a, b


def call_add(x, y):
    return add(x, y)


for _ in range(3):
    r = call_add(1, 2)
print(r)
add.__code__ = other.__code__
print(call_add(1, 2))
try:
    add(1)
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
print(add(b=1, a=2))


class C:
    def m(self, x):
        return ("m", x)

    def gen(self, n):
        yield from range(n)


c = C()
for _ in range(3):
    print(c.m(1), list(c.gen(3)))
try:
    c.m()
except TypeError as e:
    print("TypeError:", e)


def outer(v):
    def inner(w):
        return v + w

    return inner


f = outer(10)
print(f(1), f(2))


def star(*a):
    return a


print(star(1, 2), star())


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)


print("done")
