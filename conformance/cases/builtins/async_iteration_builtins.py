# aiter() and anext() with async generators and custom async iterators.
import asyncio

async def agen(n):
    for i in range(n):
        yield i * 10

class Counter:
    def __init__(self, stop):
        self.i, self.stop = 0, stop
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.stop:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    it = aiter(agen(3))
    print("anext:", await anext(it), await anext(it), await anext(it))
    print("anext default:", await anext(it, "done"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration raised")
    print("async for:", [x async for x in Counter(3)])
    c = Counter(1)
    print("aiter returns self:", aiter(c) is c)
    for label, fn in [("aiter(1)", lambda: aiter(1)), ("anext(1)", lambda: anext(1)), ("aiter([])", lambda: aiter([]))]:
        try:
            fn()
        except TypeError as e:
            print(label, "-> TypeError:", e)
    total = 0
    async for v in agen(4):
        total += v
    print("sum via async for:", total)

asyncio.run(main())
