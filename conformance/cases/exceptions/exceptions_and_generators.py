# Exceptions propagate out of generators, and generator state after an error.
import inspect
def gen():
    yield 1
    raise ValueError("inside generator")
    yield 2
g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("ValueError:", e, inspect.getgeneratorstate(g))
print(next(g, "exhausted"))
def handler_gen():
    while True:
        try:
            yield
        except KeyError as e:
            print("generator handled", repr(e))
        except GeneratorExit:
            print("GeneratorExit reaches the generator")
            return
h = handler_gen()
next(h)
h.throw(KeyError("a"))
h.throw(KeyError("b"))
h.close()
def context_in_gen():
    try:
        yield
    except ZeroDivisionError:
        raise RuntimeError("while handling in generator")
c = context_in_gen()
next(c)
try:
    c.throw(ZeroDivisionError)
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
