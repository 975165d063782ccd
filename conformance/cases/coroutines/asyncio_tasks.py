# Tasks: create_task, ordering by sleep(0) yields, cancellation, results.
import asyncio
async def worker(name, rounds, log):
    for i in range(rounds):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name * rounds
async def main():
    log = []
    t1 = asyncio.create_task(worker("a", 3, log))
    t2 = asyncio.create_task(worker("b", 2, log))
    print(await t1, await t2)
    print(log)
    async def forever():
        try:
            while True:
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("forever cancelled")
            raise
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("await raised CancelledError", t.cancelled())
    done = asyncio.create_task(worker("c", 1, log))
    await done
    print(done.done(), done.result())
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def consumer():
        out = []
        while (item := await q.get()) is not None:
            out.append(item)
        return out
    _, got = await asyncio.gather(producer(), consumer())
    print("queue:", got)
asyncio.run(main())
