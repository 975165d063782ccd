# gc-stress-interval: 500
# asyncio on pyvm: tasks, gather, timeouts, TaskGroup, queues, locks and
# events, call_soon/call_later, streams over socketpair and a TCP echo
# server on 127.0.0.1. (Subprocesses need the child watcher's thread.)
import asyncio
import socket


async def worker(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    return name.upper()


async def tasks_and_gather():
    log = []
    t1 = asyncio.create_task(worker("b", 0.5, log))
    t2 = asyncio.create_task(worker("a", 0.01, log))
    print(await t1, await t2, log)
    print(await asyncio.gather(worker("x", 0, log), worker("y", 0, log)))

    async def fail():
        await asyncio.sleep(0)
        raise ValueError("boom")
    res = await asyncio.gather(fail(), worker("z", 0, log), return_exceptions=True)
    print(res)
    try:
        await asyncio.gather(fail(), worker("w", 0, log))
    except ValueError as e:
        print("gather raised", e)
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    print(asyncio.current_task().get_name().startswith("Task-"))


async def timeouts():
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout() expired")
    print(await asyncio.wait_for(worker("q", 0, []), 1))
    done, pending = await asyncio.wait(
        [asyncio.create_task(asyncio.sleep(0, "fast")),
         asyncio.create_task(asyncio.sleep(10))],
        return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [d.result() for d in done])
    for p in pending:
        p.cancel()


async def task_group():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("tg1", 0.01, []))
        b = tg.create_task(worker("tg2", 0, []))
    print(a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("ok", 0, []))
            tg.create_task(asyncio.sleep(0, None))

            async def bad():
                raise KeyError("k")
            tg.create_task(bad())
    except* KeyError as eg:
        print("TaskGroup:", repr(eg.exceptions[0]))


async def sync_primitives():
    q = asyncio.Queue(maxsize=2)
    out = []

    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)

    async def consumer():
        while (item := await q.get()) is not None:
            out.append(item)
    await asyncio.gather(producer(), consumer())
    print("queue:", out)
    lock = asyncio.Lock()
    order = []

    async def locked(n):
        async with lock:
            order.append(("in", n))
            await asyncio.sleep(0)
            order.append(("out", n))
    await asyncio.gather(locked(1), locked(2))
    print("lock:", order)
    ev = asyncio.Event()

    async def waiter():
        await ev.wait()
        return "event set"
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await t)
    sem = asyncio.Semaphore(2)
    active = []
    peak = 0

    async def limited(n):
        nonlocal peak
        async with sem:
            active.append(n)
            peak = max(peak, len(active))
            await asyncio.sleep(0.001)
            active.remove(n)
    await asyncio.gather(*(limited(i) for i in range(5)))
    print("semaphore peak:", peak)


async def callbacks():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    calls = []
    loop.call_soon(calls.append, "soon")
    loop.call_later(0.01, fut.set_result, "later")
    h = loop.call_later(10, calls.append, "never")
    print(await fut, calls)
    h.cancel()
    print(h.cancelled())


async def streams():
    a, b = socket.socketpair()
    r1, w1 = await asyncio.open_connection(sock=a)
    r2, w2 = await asyncio.open_connection(sock=b)
    w1.write(b"hello\nworld\n")
    await w1.drain()
    print(await r2.readline(), await r2.readexactly(6))
    w1.close()
    await w1.wait_closed()
    print(await r2.read(), r2.at_eof())
    w2.close()
    await w2.wait_closed()

    async def handle(reader, writer):
        while line := await reader.readline():
            writer.write(b"echo: " + line)
            await writer.drain()
        writer.close()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for msg in (b"one\n", b"two\n"):
        writer.write(msg)
        print(await reader.readline())
    writer.write_eof()
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


async def main():
    for step in (tasks_and_gather, timeouts, task_group, sync_primitives,
                 callbacks, streams):
        print("--", step.__name__)
        await step()
    return "done"

print(asyncio.run(main()))
