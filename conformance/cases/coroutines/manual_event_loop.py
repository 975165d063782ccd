# Driving coroutines by hand with send(), using a minimal awaitable.
class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        value = yield self.tag
        return value
async def task(name, steps):
    total = 0
    for i in range(steps):
        got = await Suspend(f"{name}-{i}")
        total += got
    return f"{name} total={total}"
def run_all(coros):
    queue = [(c, None) for c in coros]
    results = []
    while queue:
        coro, value = queue.pop(0)
        try:
            tag = coro.send(value)
            print("suspended at", tag)
            queue.append((coro, len(tag)))
        except StopIteration as e:
            results.append(e.value)
    return results
print(run_all([task("a", 2), task("bb", 3)]))
