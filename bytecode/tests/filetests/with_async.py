async def f(m, n):
    async with m as a, n:
        await a
    async for x in m:
        yield x
