# Generator introspection: gi_frame, gi_running, gi_code, inspect states.
import inspect
def g():
    yield 1
    yield 2
gen = g()
print(inspect.getgeneratorstate(gen))
next(gen)
print(inspect.getgeneratorstate(gen), gen.gi_frame.f_lineno)
next(gen)
print(inspect.getgeneratorstate(gen))
for _ in gen:
    pass
print(inspect.getgeneratorstate(gen), gen.gi_frame)
print(gen.gi_code.co_name, gen.__name__, gen.__qualname__)
def selfref():
    yield inspect.getgeneratorstate(me)
me = selfref()
print(next(me))
def recursive():
    yield next(rec)
rec = recursive()
try:
    next(rec)
except ValueError as e:
    print("ValueError:", e)
def loc():
    a = 1
    yield
    b = 2
    yield
l = loc()
next(l)
print(sorted(inspect.getgeneratorlocals(l).items()))
next(l)
print(sorted(inspect.getgeneratorlocals(l).items()))
