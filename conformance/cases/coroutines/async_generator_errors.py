# Errors specific to async generators and coroutines misuse.
import asyncio
for src in ["async def f():\n    yield 1\n    return 2\n", "async def f():\n    yield from g()\n",
            "def f():\n    async for x in y: pass\n", "async def f():\n    return [x for x in await y]\n"]:
    try:
        compile(src, "<a>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
async def agen():
    yield 1
async def main():
    g = agen()
    try:
        async for _ in g:
            raise ValueError("inside async for")
    except ValueError as e:
        print("ValueError:", e)
    await g.aclose()
    try:
        for _ in agen():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        await agen()
    except TypeError as e:
        print("TypeError:", e)
    try:
        async with object():
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
asyncio.run(main())
