@outer(1)
@inner
def g(a, /, b, *, c):
    a[1:2] = b[::2]
    del a[0], b.c
    assert a < b <= c, "order"
    return a[1:-1, ...]
