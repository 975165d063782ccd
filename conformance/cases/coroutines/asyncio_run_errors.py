# asyncio.run misuse and uncaught exception from the main coroutine.
import asyncio
async def simple():
    return 1
try:
    asyncio.run(5)
except ValueError as e:
    print("ValueError:", e)
async def nested():
    coro = simple()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    finally:
        coro.close()
asyncio.run(nested())
async def failing():
    await asyncio.sleep(0)
    raise ConnectionError("remote closed")
print("running failing coroutine")
asyncio.run(failing())
