def add(a, b=10, *rest, scale=1, **kw):
    return (a + b + sum(rest)) * scale

print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, scale=3), add(b=5, a=1))

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c = counter()
c()
c()
print(c(), counter()())

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(20))

def deep(n):
    return deep(n + 1)

try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)

square = lambda x: x * x
print(square(7), [square(i) for i in range(5)], {i: i * i for i in range(3)})

def errors():
    try:
        add()
    except TypeError as e:
        print(e)
    try:
        add(1, c=2, scale=1, a=3)
    except TypeError as e:
        print(e)

errors()
