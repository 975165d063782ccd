# ThreadPoolExecutor.map with timeouts not hit, chunks, and thread-local counters.
from concurrent.futures import ThreadPoolExecutor
import threading
local = threading.local()
def count(x):
    local.n = getattr(local, "n", 0) + 1
    return x * 3
with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(count, range(10), timeout=30)))
    print(list(ex.map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
    fut = ex.submit(sum, [1, 2, 3])
    print(fut.result(timeout=30), fut.cancelled(), fut.running())
    def boom(x):
        if x == 2:
            raise ValueError("two")
        return x
    it = ex.map(boom, range(4))
    got = []
    try:
        for v in it:
            got.append(v)
    except ValueError as e:
        print("map stops at the failing item:", got, e)
