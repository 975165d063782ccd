# Coroutine objects: send/throw/close, cr_await, states, and misuse errors.
import inspect
import types
class Yield:
    def __await__(self):
        return (yield "pause")
async def co():
    try:
        x = await Yield()
        return x * 2
    except KeyError:
        return "handled KeyError"
c = co()
print(inspect.getcoroutinestate(c))
print(c.send(None))
print(inspect.getcoroutinestate(c))
try:
    c.send(21)
except StopIteration as e:
    print("result", e.value)
print(inspect.getcoroutinestate(c))
c2 = co()
c2.send(None)
try:
    c2.throw(KeyError)
except StopIteration as e:
    print("after throw:", e.value)
c3 = co()
c3.send(None)
c3.close()
print(inspect.getcoroutinestate(c3))
try:
    c3.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
unused = co()
try:
    iter(unused)
except TypeError as e:
    print("TypeError:", e)
unused.close()
@types.coroutine
def legacy():
    yield "legacy"
async def uses_legacy():
    await legacy()
u = uses_legacy()
print(u.send(None))
u.close()
async def await_bad():
    await 5
try:
    await_bad().send(None)
except TypeError as e:
    print("TypeError:", e)
