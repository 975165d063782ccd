# yield from: delegation, return values, send/throw forwarding.
def inner():
    x = yield "inner-1"
    print("inner received", x)
    y = yield "inner-2"
    print("inner received", y)
    return "inner-result"
def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer-done"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
def flatten(items):
    for it in items:
        if isinstance(it, list):
            yield from flatten(it)
        else:
            yield it
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def sub():
    try:
        yield 1
    except ValueError:
        yield "sub caught"
def delegator():
    yield from sub()
d = delegator()
next(d)
print(d.throw(ValueError))
def gen_range():
    yield from range(3)
    yield from "ab"
print(list(gen_range()))
def closer():
    try:
        yield 1
    finally:
        print("sub finally on close")
def deleg2():
    yield from closer()
c = deleg2()
next(c)
c.close()
