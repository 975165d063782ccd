def gen(xs):
    total = yield
    yield from xs
    return [x * 2 for x in xs if x], {k: v for k, v in total}, (y for y in xs)
