# run_in_executor bridges threads and the event loop; call_soon_threadsafe from a thread.
import asyncio
import threading
def blocking(n):
    return sum(range(n))
async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking, n) for n in (10, 100, 1000)))
    print(results)
    fut = loop.create_future()
    def from_thread():
        loop.call_soon_threadsafe(fut.set_result, "set from a thread")
    t = threading.Thread(target=from_thread)
    t.start()
    print(await fut)
    t.join()
    print(await asyncio.to_thread(blocking, 5))
asyncio.run(main())
