# Exceptions across async with/async for, finally in coroutines, and cancellation cleanup.
import asyncio
class Resource:
    def __init__(self, log):
        self.log = log
    async def __aenter__(self):
        self.log.append("acquire")
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        self.log.append(f"release({et.__name__ if et else None})")
async def use(log, fail):
    async with Resource(log):
        log.append("use")
        if fail:
            raise ValueError("failure in body")
async def main():
    log = []
    await use(log, False)
    try:
        await use(log, True)
    except ValueError as e:
        log.append(f"caught {e}")
    print(log)
    cleanup = []
    async def sleeper():
        try:
            await asyncio.sleep(100)
        finally:
            cleanup.append("sleeper finally")
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    res = await asyncio.gather(t, return_exceptions=True)
    print(cleanup, type(res[0]).__name__)
asyncio.run(main())
