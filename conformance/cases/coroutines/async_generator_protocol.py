# Async generators driven by hand: asend, athrow, aclose and their StopAsyncIteration.
import asyncio
async def counter(limit):
    n = 0
    while n < limit:
        got = yield n
        n += got if got else 1
    return
def drive(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("suspended unexpectedly")
g = counter(10)
print(drive(g.__anext__()), drive(g.asend(3)), drive(g.asend(None)))
try:
    drive(g.athrow(ValueError("thrown in")))
except ValueError as e:
    print("athrow propagated:", e)
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print("finished generator raises StopAsyncIteration")
g2 = counter(2)
drive(g2.__anext__())
drive(g2.aclose())
print("aclose done; ag_running:", g2.ag_running)
async def main():
    return [v async for v in counter(3)]
print(asyncio.run(main()))
print(type(counter(1)).__name__, hasattr(counter(1), "__aiter__"))
