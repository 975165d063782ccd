# Python 3.11 asyncio additions: asyncio.timeout(), asyncio.Runner, TaskGroup results, Task names.
import asyncio
async def slow():
    await asyncio.sleep(10)
async def quick(v):
    await asyncio.sleep(0)
    return v
async def main():
    try:
        async with asyncio.timeout(0.01):
            await slow()
    except TimeoutError:
        print("asyncio.timeout raised TimeoutError")
    async with asyncio.timeout(None) as cm:
        print(await quick("no deadline"), cm.when())
    t = asyncio.create_task(quick(1), name="named-task")
    print(t.get_name(), await t)
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(quick("a"))
        b = tg.create_task(quick("b"))
    print(a.result() + b.result())
with asyncio.Runner() as runner:
    runner.run(main())
    print(runner.run(quick("second run on the same loop")))
