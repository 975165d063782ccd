def f(a, b, c, d):
    a = b + c * d
    a += 1
    return -a if a > 0 else ~a
