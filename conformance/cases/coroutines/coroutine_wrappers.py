# Awaitable objects: __await__ returning iterators, async def methods, and inspect helpers.
import asyncio
import inspect
class Delayed:
    def __init__(self, value, steps):
        self.value, self.steps = value, steps
    def __await__(self):
        for _ in range(self.steps):
            yield from asyncio.sleep(0).__await__()
        return self.value
class Service:
    async def fetch(self, x):
        return await Delayed(x * 2, 2)
    @staticmethod
    async def static():
        return "static coroutine"
    @classmethod
    async def klass(cls):
        return cls.__name__
async def main():
    s = Service()
    print(await s.fetch(21), await Service.static(), await Service.klass())
    print(inspect.iscoroutinefunction(s.fetch), inspect.isawaitable(Delayed(1, 0)))
    c = s.fetch(1)
    print(inspect.iscoroutine(c), asyncio.iscoroutine(c))
    print(await c)
    results = await asyncio.gather(*(Delayed(i, i) for i in range(4)))
    print(results)
asyncio.run(main())
