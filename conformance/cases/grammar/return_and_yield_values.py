# return forms: bare return, tuple return, return inside loops and try; yield vs return.
def nothing():
    return
def implicit():
    pass
def pair():
    return 1, 2
def starred():
    rest = [3, 4]
    return 0, *rest
def loop(xs):
    for x in xs:
        if x > 2:
            return x
    return None
def in_try():
    try:
        return "try"
    except Exception:
        return "except"
print(nothing(), implicit(), pair(), starred(), loop([1, 5, 3]), loop([]), in_try())
def gen_return():
    yield 1
    return 2
print(list(gen_return()))
def is_generator():
    if False:
        yield
    return "value never seen by list()"
print(list(is_generator()), type(is_generator()).__name__)
