def f(a, b=2, *rest, c=3, **kw):
    return (a, b, rest, c, kw)
args = (1, 5, 6)
opts = {"c": 9, "z": 0}
print(f(*args), f(*args, **opts), f(**{"a": 7}), f(1, **{"b": 8}))
def wrap(*a, **k):
    return f(*a, **k)
print(wrap(1, 2, c=4, q=5))
print(dict(**{"x": 1}), sorted([3, 1], **{"reverse": True}))
try:
    f(**{"a": 1, "d": 2, "a2": 3}, a=1)
except TypeError as e:
    print("TypeError", e)
