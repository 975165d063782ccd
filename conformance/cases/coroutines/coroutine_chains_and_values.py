# Return values through nested awaits, await on already-finished tasks, shielding.
import asyncio
async def leaf(x):
    await asyncio.sleep(0)
    return x + 1
async def middle(x):
    a = await leaf(x)
    b = await leaf(a)
    return a, b
async def main():
    print(await middle(1))
    t = asyncio.create_task(leaf(10))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t.done(), await t, await t)
    shielded = asyncio.create_task(leaf(100))
    outer = asyncio.ensure_future(asyncio.shield(shielded))
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    print("shielded result:", await shielded)
    values = [await leaf(i) for i in range(3)]
    print(values)
asyncio.run(main())
