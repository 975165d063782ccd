# gather with failures: first exception propagates; return_exceptions collects all.
import asyncio
async def ok(v):
    await asyncio.sleep(0)
    return v
async def bad(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)
async def main():
    try:
        await asyncio.gather(ok(1), bad("first"), ok(3))
    except ValueError as e:
        print("gather raised:", e)
    res = await asyncio.gather(ok(1), bad("x"), bad("y"), return_exceptions=True)
    print([r if not isinstance(r, Exception) else repr(r) for r in res])
    print(await asyncio.gather())
    results = []
    for coro in asyncio.as_completed([ok(i) for i in range(3)]):
        results.append(await coro)
    print(sorted(results))
    done, pending = await asyncio.wait([asyncio.create_task(ok(i)) for i in range(3)])
    print(len(done), len(pending), sorted(t.result() for t in done))
asyncio.run(main())
