# Generator methods used as iterators: send() priming, throw() handled/unhandled, close() return values.
def averager():
    total, count, avg = 0.0, 0, None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return (count, avg)
a = averager()
print("prime:", next(a))
print("send:", a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("final return:", e.value)
g = averager()
try:
    g.send(5)
except TypeError as e:
    print("send before start:", e)
def resilient():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            yield f"handled {e}"
r = resilient()
next(r)
print("throw handled:", r.throw(ValueError("bad")), next(r))
try:
    r.throw(KeyError("k"))
except KeyError as e:
    print("throw unhandled propagates:", repr(e))
print("generator finished after unhandled throw:", next(r, "exhausted"))
def gen():
    yield 1
g2 = gen()
try:
    g2.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("throw into unstarted:", e, next(g2, "exhausted"))
