# Errors when unpacking at call sites and in for loops, reported with useful messages.
def f(a, b):
    return a + b
for args in [(1,), (1, 2, 3), ()]:
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    f(**{"a": 1, "c": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    for a, b in [(1, 2), (3,)]:
        print(a, b)
except ValueError as e:
    print("ValueError:", e)
try:
    for a, b in [1]:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    x, y = {"only": 1}
except ValueError as e:
    print("ValueError:", e)
