def f(x, w):
    return f"{x!r:>{w}} and {x=} {w:.2f}" 'tail'
