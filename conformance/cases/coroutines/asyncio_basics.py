# async def, await, asyncio.run and gather ordering.
import asyncio
async def add(a, b):
    await asyncio.sleep(0)
    return a + b
async def main():
    r = await add(1, 2)
    print("awaited", r)
    results = await asyncio.gather(add(1, 1), add(2, 2), add(3, 3))
    print("gathered", results)
    return "main done"
print(asyncio.run(main()))
coro = add(1, 2)
print(type(coro).__name__)
coro.close()
async def raiser():
    await asyncio.sleep(0)
    raise ValueError("async failure")
async def catcher():
    try:
        await raiser()
    except ValueError as e:
        print("caught", e)
    res = await asyncio.gather(raiser(), add(1, 1), return_exceptions=True)
    print([repr(x) for x in res])
asyncio.run(catcher())
