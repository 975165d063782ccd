# Misbehaving async iterators: non-awaitable __anext__, sync objects in async for, __aiter__ returning non-iterator.
import asyncio
class NotAwaitableNext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
class NoAiter:
    pass
class BadAiter:
    def __aiter__(self):
        return 42
async def consume(obj):
    out = []
    async for v in obj:
        out.append(v)
    return out
async def main():
    for obj in (NotAwaitableNext(), NoAiter(), BadAiter(), [1, 2]):
        try:
            print(await consume(obj))
        except TypeError as e:
            print(type(obj).__name__, "TypeError:", e)
asyncio.run(main())
