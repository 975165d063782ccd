# Helpers of pyvm's coroutine support that are plain Python: the iterator
# `coroutine.__await__()` returns, and the awaitable of `anext(it,
# default)`. Run once, on first use, in a namespace of their own.


class coroutine_wrapper:
    __slots__ = ("_coro",)

    def __init__(self, coro):
        self._coro = coro

    def __iter__(self):
        return self

    def __next__(self):
        return self._coro.send(None)

    def send(self, value):
        return self._coro.send(value)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()


coroutine_wrapper.__module__ = "builtins"


async def anext_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
