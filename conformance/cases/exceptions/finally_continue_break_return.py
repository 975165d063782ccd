# continue in finally (allowed since 3.8) and interactions of break/return with exceptions.
def f():
    out = []
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            out.append(i)
            continue
    return out
print(f())
def g():
    while True:
        try:
            return "from try"
        finally:
            break
    return "after loop: break in finally cancelled the return"
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
        except KeyError:
            continue
        finally:
            print("finally", i)
        print("body end", i)
h()
