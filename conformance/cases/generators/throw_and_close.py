# generator.throw and close: handling, GeneratorExit, finally, and errors.
def worker():
    try:
        while True:
            try:
                yield "ready"
            except ValueError as e:
                print("worker handled", e)
                yield "recovered"
    finally:
        print("worker cleanup")
w = worker()
print(next(w))
print(w.throw(ValueError("bad input")))
print(next(w))
w.close()
print("closed", w.gi_frame)
try:
    next(w)
except StopIteration:
    print("closed generator raises StopIteration")
def unhandled():
    yield 1
u = unhandled()
next(u)
try:
    u.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def returning_on_close():
    try:
        yield
    except GeneratorExit:
        print("got GeneratorExit")
        raise
r = returning_on_close()
next(r)
r.close()
unstarted = worker()
unstarted.close()
print("closing an unstarted generator runs no code")
try:
    worker().throw(TypeError("at start"))
except TypeError as e:
    print("throw into unstarted:", e)
