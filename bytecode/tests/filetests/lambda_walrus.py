def f(xs, key=lambda v, *, rev=False: -v if rev else v):
    if (n := len(xs)) > 10:
        return n
    return [y for x in xs if (y := key(x)) > 0], y
