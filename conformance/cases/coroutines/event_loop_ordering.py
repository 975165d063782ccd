# Callback and task ordering: call_soon FIFO, tasks interleaving at await points.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    order = []
    loop.call_soon(order.append, "soon-1")
    loop.call_soon(order.append, "soon-2")
    await asyncio.sleep(0)
    print(order)
    order.clear()
    async def step(name, n):
        for i in range(n):
            order.append(f"{name}{i}")
            await asyncio.sleep(0)
    await asyncio.gather(step("x", 3), step("y", 2), step("z", 1))
    print(order)
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "future value")
    print(await fut, fut.done())
    fut2 = loop.create_future()
    fut2.set_exception(KeyError("future error"))
    try:
        await fut2
    except KeyError as e:
        print("KeyError:", e)
asyncio.run(main())
