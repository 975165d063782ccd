# asyncio.Lock, Semaphore, Event and Condition ordering with deterministic transcripts.
import asyncio
async def main():
    lock = asyncio.Lock()
    log = []
    async def critical(name):
        async with lock:
            log.append(f"{name} in")
            await asyncio.sleep(0)
            log.append(f"{name} out")
    await asyncio.gather(critical("a"), critical("b"), critical("c"))
    print(log)
    sem = asyncio.Semaphore(2)
    active = peak = 0
    async def limited(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0)
            active -= 1
        return i
    print(await asyncio.gather(*(limited(i) for i in range(5))), "peak:", peak)
    cond = asyncio.Condition()
    ready = []
    async def waiter(i):
        async with cond:
            await cond.wait_for(lambda: ready)
            return (i, ready[0])
    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        ready.append("go")
        cond.notify_all()
    print(await asyncio.gather(*tasks))
    print(await asyncio.sleep(0, result="sleep result"), lock.locked())
asyncio.run(main())
