def f(x):
    for y in [1, 2, 3]:
        if y in {1, 2, 1.0}:
            pass
    return x not in ['a', 'b'], [z for z in (1, 2)], x in [x, 1]
