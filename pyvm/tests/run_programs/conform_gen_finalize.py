# Unreachable suspended generators are closed when collected: finally
# blocks and with-exits run (GeneratorExit), in cycles too; errors in
# close() are reported as unraisable; gc.get_referrers/get_objects see
# live objects.
import gc
import sys


class Res:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return False


def with_gen():
    with Res("a"):
        yield 1
        yield 2


g = with_gen()
print(next(g))
del g
gc.collect()
print("after collect 1")


# A generator holding itself (a cycle) is closed too.
def cyc():
    me = yield
    try:
        yield "held"
    finally:
        print("cycle closed", type(me).__name__)


g = cyc()
next(g)
g.send(g)
del g
gc.collect()
print("after collect 2")


# Not started and finished generators run nothing.
def plain():
    try:
        yield 1
    finally:
        print("plain finally")


g = plain()
del g
g = plain()
list(g)
del g
gc.collect()
print("after collect 3")


# A generator that yields in finally: CPython reports the RuntimeError.
def stubborn():
    try:
        yield 1
    finally:
        yield 2


def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, type(u.object).__name__)


sys.unraisablehook = hook
g = stubborn()
next(g)
del g
gc.collect()


# An exception raised by the finally block is reported, not raised.
def raising():
    try:
        yield 1
    finally:
        raise ValueError("in finally")


g = raising()
next(g)
del g
gc.collect()
print("after collect 4")

# Closing order: an outer generator's frame keeps the inner one alive;
# both are closed.
log = []


def inner():
    try:
        yield "i"
    finally:
        log.append("inner")


def outer():
    try:
        yield from inner()
    finally:
        log.append("outer")


g = outer()
next(g)
del g
gc.collect()
print(sorted(log))


# gc.get_referrers and gc.get_objects
class Marker:
    pass


m = Marker()
box = [m]
holder = {"k": m}
refs = gc.get_referrers(m)
print(any(r is box for r in refs), any(r is holder for r in refs))
print(any(o is box for o in gc.get_objects()))
print(gc.get_referrers())
try:
    gc.get_objects(generation=5)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.get_objects(generation=-2)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.get_referrers(x=1)
except TypeError as e:
    print("TypeError:", e)
print("done")


# A generator suspended inside an except block keeps its handled
# exception to itself.
def in_except():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        print("inside:", sys.exc_info()[0].__name__)
    yield 2


it = in_except()
next(it)
print("outside:", sys.exc_info()[0])
try:
    raise ValueError("v")
except ValueError:
    next(it)
    print("still:", sys.exc_info()[0].__name__)
try:
    1 / 0
except ZeroDivisionError as e:
    print("context:", e.__context__)
try:
    gc.get_objects(generation="x")
except TypeError as e:
    print("TypeError:", e)
