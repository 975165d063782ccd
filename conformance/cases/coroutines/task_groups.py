# asyncio.TaskGroup (3.11): results, failure cancels siblings, errors grouped.
import asyncio
async def work(n, log):
    await asyncio.sleep(0)
    log.append(f"done {n}")
    return n * n
async def fail_after(n):
    for _ in range(n):
        await asyncio.sleep(0)
    raise KeyError(f"failed after {n}")
async def long_running(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("sibling cancelled")
        raise
async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(work(i, log)) for i in range(3)]
    print([t.result() for t in tasks], sorted(log))
    log.clear()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(long_running(log))
            tg.create_task(fail_after(2))
    except* KeyError as eg:
        print("KeyError group:", [str(e) for e in eg.exceptions])
    print(log)
asyncio.run(main())
