# Coroutines closed before running never run their body; awaiting a finished coroutine again fails.
import asyncio
ran = []
async def work():
    ran.append("body ran")
    return 1
c = work()
c.close()
print(ran)
async def main():
    tasks = [asyncio.ensure_future(work()) for _ in range(3)]
    print([await t for t in tasks], len(ran))
asyncio.run(main())
async def await_twice():
    c = work()
    first = await c
    try:
        await c
    except RuntimeError as e:
        return first, str(e)
print(asyncio.run(await_twice()))
