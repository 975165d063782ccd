# Call-site unpacking and keyword handling.
def show(*args, **kwargs):
    return args, kwargs
print(show(*[1, 2], *(3,), **{'a': 1}, b=2, **{'c': 3}))
print(show(*'ab', *range(2)))
print(show(**dict(x=1), y=2))
try:
    show(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print("TypeError:", e)
def one(a, b):
    return a - b
print(one(b=1, a=10), one(*(5, 2)), one(**{'b': 3, 'a': 4}))
try:
    one(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    one(1, a=2)
except TypeError as e:
    print("TypeError:", e)
try:
    one(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
print(max(*[3, 1, 2]), min(4, *[5, 0]))
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=1, y=2))
