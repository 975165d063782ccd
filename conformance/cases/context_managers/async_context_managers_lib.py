# contextlib.asynccontextmanager, AsyncExitStack and aclosing.
import asyncio
import contextlib
log = []
@contextlib.asynccontextmanager
async def session(name):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"close {name}")
async def agen():
    try:
        yield 1
        yield 2
    finally:
        log.append("agen finalized")
async def main():
    async with session("a") as a:
        log.append(f"using {a}")
    async with contextlib.AsyncExitStack() as stack:
        for n in "xy":
            await stack.enter_async_context(session(n))
        stack.callback(log.append, "sync callback")
    async with contextlib.aclosing(agen()) as g:
        async for v in g:
            log.append(f"got {v}")
            break
    try:
        async with session("err"):
            raise KeyError("k")
    except KeyError:
        log.append("KeyError propagated")
asyncio.run(main())
for line in log:
    print(line)
