# Closures for partial application and currying, compared with functools.partial.
import functools
def curry(f, arity):
    def curried(*args):
        if len(args) >= arity:
            return f(*args)
        return lambda *more: curried(*args, *more)
    return curried
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))
p = functools.partial(int, base=2)
print(p("1010"), p.func.__name__, p.keywords)
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
cube = lambda b: power(b, 3)
print(square(7), cube(3), [square(i) for i in range(4)])
pp = functools.partial(functools.partial(max, 5), 7)
print(pp(6), pp.args)
