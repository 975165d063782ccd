# gc-stress-interval: 500
# asyncio with a thread pool: run_in_executor, to_thread and
# concurrent.futures used directly.
import asyncio
import concurrent.futures
import threading
import time

def blocking(n):
    time.sleep(0.01)
    return n * n, threading.current_thread() is not threading.main_thread()

def fails():
    raise KeyError("from the pool")

async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking, i) for i in range(5)))
    print(results)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        r = await loop.run_in_executor(pool, blocking, 7)
        print("own pool:", r)
    try:
        await loop.run_in_executor(None, fails)
    except KeyError as e:
        print("KeyError:", e)
    print("to_thread:", await asyncio.to_thread(blocking, 3))
    # The event loop keeps running while the pool works.
    ticks = 0
    fut = loop.run_in_executor(None, time.sleep, 0.3)
    while not fut.done():
        ticks += 1
        await asyncio.sleep(0.005)
    print("loop ran meanwhile:", ticks > 1)

asyncio.run(main())

with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(blocking, i) for i in range(6)]
    print([f.result()[0] for f in futs])
    print(list(ex.map(lambda x: x + 1, range(5))))
    done, _ = concurrent.futures.wait(futs)
    print(len(done))
    f = ex.submit(fails)
    print(type(f.exception()).__name__, f.exception())
print(sorted(f.result()[0] for f in concurrent.futures.as_completed(futs)))
