# Decorators built on closures: state, arguments, functools.wraps.
import functools
def memoize(f):
    cache = {}
    @functools.wraps(f)
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def square(n):
    """Square a number."""
    print("computing", n)
    return n * n
print(square(4), square(4), square(5))
print(square.__name__, square.__doc__, sorted(square.cache))
print(square.__wrapped__(3))
def repeat(times):
    def deco(f):
        def wrapper(*a):
            return [f(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hi(name):
    return "hi " + name
print(hi("x"))
def once(f):
    done = False
    result = None
    def wrapper():
        nonlocal done, result
        if not done:
            result, done = f(), True
        return result
    return wrapper
calls = []
@once
def init():
    calls.append(1)
    return "initialized"
print(init(), init(), calls)
