def outer(x):
    y = 1
    def inner(z):
        nonlocal y
        y += z
        return x + y
    return inner
