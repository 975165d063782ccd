# Unpacking into parameters: *args/**kwargs collection, defaults, and positional-only names.
def f(a, b=2, *rest, c=3, **kw):
    return a, b, rest, c, kw
args = [1, 20, 30, 40]
print(f(*args))
print(f(*args, c=9, **{"z": 1}))
print(f(**{"a": 5}))
def pos_only(x, /, **kw):
    return x, kw
print(pos_only(1, x=2))
def g(*, key):
    return key
print(g(**{"key": "value"}))
try:
    g(*["positional"])
except TypeError as e:
    print("TypeError:", e)
print((lambda *a, **k: (len(a), sorted(k)))(*range(5), **dict.fromkeys("xyz")))
def tuple_param(point):
    x, y = point
    return x * y
print(list(map(tuple_param, [(1, 2), (3, 4)])))
print(max(*[(1, "z"), (2, "a")]), dict(*[[("k", "v")]]))
