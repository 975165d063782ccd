# Chains of awaits, exceptions crossing coroutine boundaries, and __await__ objects.
import asyncio
async def level(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        return await level(n - 1)
    finally:
        print("unwinding", n)
async def main():
    try:
        await level(3)
    except LookupError as e:
        print("caught", e)
    class Future:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return "custom awaitable"
    print(await Future())
    async def square(x):
        return x * x
    total = 0
    for i in range(5):
        total += await square(i)
    print(total)
asyncio.run(main())
