# Exceptions thrown into awaiting coroutines travel down the await chain and back up.
import asyncio
class Step:
    def __await__(self):
        try:
            return (yield "step")
        except KeyError as e:
            return f"Step handled {e!r}"
async def inner():
    try:
        result = await Step()
        return f"inner got {result}"
    finally:
        print("inner finally")
async def outer():
    return await inner()
c = outer()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("completed:", e.value)
c2 = outer()
c2.send(None)
try:
    c2.throw(ValueError("not handled"))
except ValueError as e:
    print("propagated out:", e)
c3 = outer()
c3.send(None)
c3.close()
print("closed")
