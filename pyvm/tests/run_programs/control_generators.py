def gen():
    x = yield 1
    print("got", x)
    try:
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 3
    return "done"

g = gen()
print(next(g), g.send("hi"), g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def inner():
    a = yield "i1"
    print("inner got", a)
    b = yield "i2"
    return a, b
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"
    return 7
o = outer()
print(next(o), o.send(10), o.send(20))
try:
    next(o)
except StopIteration as e:
    print("stop", e.value)

def closer():
    try:
        yield 1
    finally:
        print("cleanup")
c = closer(); next(c); c.close(); print("closed")
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad(); next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)
def pep():
    raise StopIteration("x")
    yield
try:
    next(pep())
except RuntimeError as e:
    print(e, repr(e.__cause__))
def running():
    g.send(None)
    yield
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print(e)
print(list(x*2 for x in range(3)))
def deleg():
    yield from [1,2,3]
    yield from range(2)
    return (yield from inner())
d = deleg()
print([next(d) for _ in range(6)])
d2 = outer(); next(d2)
print(d2.throw(KeyError, "k") if False else "skip")
def thrower():
    try:
        yield from inner()
    except KeyError as e:
        print("outer caught", repr(e))
        yield "after"
t = thrower(); next(t)
print(t.throw(KeyError("kk")))
print(t.gi_running, t.__name__, t.__qualname__)
async def coro(x):
    return x * 2
async def main():
    r = await coro(21)
    print("awaited", r)
    return r + 1
c = main()
try:
    c.send(None)
except StopIteration as e:
    print("coro done", e.value)
class Aw:
    def __await__(self):
        v = yield "suspend"
        return v
async def m2():
    v = await Aw()
    print("aw result", v)
c = m2()
print(c.send(None))
try:
    c.send(99)
except StopIteration:
    print("m2 done")
async def agen():
    yield 1
    await Aw()
    yield 2
async def consume():
    out = []
    async for v in agen():
        out.append(v)
    return out
c = consume()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
