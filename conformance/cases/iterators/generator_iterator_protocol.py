# Generators as iterators: laziness, exhaustion, StopIteration inside generators (PEP 479), return values.
def gen():
    print("  start")
    yield 1
    print("  middle")
    yield 2
    print("  end")
g = gen()
print("created, nothing run yet")
print("first:", next(g))
print("rest:", list(g))
print("exhausted:", next(g, "done"), list(g))
def inner_stop():
    yield 1
    raise StopIteration("inside")
try:
    list(inner_stop())
except RuntimeError as e:
    print("PEP 479:", e, "| cause:", type(e.__cause__).__name__)
def with_return():
    yield 1
    return "result"
it = with_return()
next(it)
try:
    next(it)
except StopIteration as e:
    print("return value in StopIteration:", e.value)
def delegating():
    r = yield from with_return()
    yield f"got {r}"
print("yield from:", list(delegating()))
genexp = (x * x for x in range(3))
print("genexp:", next(genexp), list(genexp))
print("iter(gen) is gen:", iter(g) is g)
def early():
    return
    yield
print("empty generator:", list(early()))
def running():
    yield next(me)
me = running()
try:
    next(me)
except ValueError as e:
    print("reentrant next:", e)
