# inspect predicates and code flags distinguish generator, coroutine and async generator functions.
import inspect
def gen():
    yield
async def coro():
    pass
async def agen():
    yield
def plain():
    return (x for x in [])
for f in (gen, coro, agen, plain):
    print(f.__name__, inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f),
          inspect.isasyncgenfunction(f))
g = gen()
c = coro()
a = agen()
print(inspect.isgenerator(g), inspect.iscoroutine(c), inspect.isasyncgen(a), inspect.isgenerator(plain()))
print(g.gi_suspended if hasattr(g, "gi_suspended") else "n/a", g.gi_running)
next(g)
print(g.gi_suspended if hasattr(g, "gi_suspended") else "n/a")
c.close()
print(type(g).__name__, type(c).__name__, type(a).__name__)
print(gen.__code__.co_flags & inspect.CO_GENERATOR != 0, coro.__code__.co_flags & inspect.CO_COROUTINE != 0)
