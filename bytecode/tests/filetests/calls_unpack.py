def f(g, a, args, kw):
    g(a, 1, key=2)
    a.m(*args, x=1, **kw)
    first, *middle, last = args
    return [*args, a], {**kw, 'k': a}
