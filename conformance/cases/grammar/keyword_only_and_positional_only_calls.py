# Calling functions that mix positional-only, regular, keyword-only and variadic parameters.
def f(a, b, /, c, d=4, *, e, f=6, **rest):
    return a, b, c, d, e, f, sorted(rest.items())
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, d=0, e=5, f=7, z=9))
print(f(1, 2, 3, 4, e=5, a="a goes to **rest"))
errors = [
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, c=3, e=5),
    lambda: f(1, 2, 3, 4, 5, e=6),
    lambda: f(1, 2, 3, e=5, c=0),
]
for call in errors:
    try:
        call()
    except TypeError as err:
        print("TypeError:", err)
def only_star(*args, **kwargs):
    return args, kwargs
print(only_star(), only_star(1, x=2))
