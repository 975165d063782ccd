# await inside expressions and comprehensions; async comprehension over sync iterables with await.
import asyncio
async def double(x):
    await asyncio.sleep(0)
    return x * 2
async def aiter_range(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
async def main():
    print([await double(i) for i in range(4)])
    print({i: await double(i) async for i in aiter_range(3)})
    print([x async for x in aiter_range(5) if x % 2])
    print(sum([await double(v) for v in (1, 2, 3)]), await double(await double(1)))
    print([[y async for y in aiter_range(i)] for i in range(3)] if False else "nested sync outer ok")
    res = await asyncio.gather(*[double(i) for i in range(3)])
    print(res, (await double(5)) + 1)
asyncio.run(main())
