# async with (asynchronous context managers) and async iterators written by hand.
import asyncio
class AsyncCM:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return et is KeyError
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def main():
    async with AsyncCM("a") as a, AsyncCM("b") as b:
        print("inside", a, b)
    async with AsyncCM("suppress"):
        raise KeyError("swallowed")
    try:
        async with AsyncCM("propagate"):
            raise ValueError("escapes")
    except ValueError as e:
        print("escaped:", e)
    async for v in Countdown(3):
        print("countdown", v)
    print(sorted([v async for v in Countdown(4)]))
asyncio.run(main())
try:
    compile("async with x: pass", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
