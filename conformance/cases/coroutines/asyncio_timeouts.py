# wait_for timeouts and exceptions inside tasks, observed deterministically.
import asyncio
async def slow():
    await asyncio.sleep(10)
    return "too late"
async def failing():
    await asyncio.sleep(0)
    raise RuntimeError("task failed")
async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out", asyncio.TimeoutError is TimeoutError)
    t = asyncio.create_task(failing())
    try:
        await t
    except RuntimeError as e:
        print("task error:", e, t.done(), repr(t.exception()))
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "event seen"
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("set?", ev.is_set())
    ev.set()
    print(await w)
asyncio.run(main())
