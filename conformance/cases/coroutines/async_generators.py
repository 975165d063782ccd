# async generators: async for, asend, athrow, aclose, and comprehensions.
import asyncio
async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("ticker finally")
async def main():
    async for t in ticker(3):
        print("tick", t)
    print([x async for x in ticker(2)])
    print({x: x * x async for x in ticker(2) if x})
    agen = ticker(5)
    print(await agen.__anext__(), await agen.asend(None))
    await agen.aclose()
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("closed agen raises StopAsyncIteration")
    async def thrower():
        try:
            yield 1
        except ValueError as e:
            yield f"caught {e}"
    g = thrower()
    await g.__anext__()
    print(await g.athrow(ValueError("x")))
    await g.aclose()
    print(type(g).__name__)
asyncio.run(main())
