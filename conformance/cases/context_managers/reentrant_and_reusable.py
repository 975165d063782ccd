# Reusing context managers, locks as context managers, and class-based reentrancy.
import threading
import contextlib
lock = threading.Lock()
with lock:
    print("locked:", lock.locked())
print("released:", lock.locked())
rlock = threading.RLock()
with rlock:
    with rlock:
        print("re-entered RLock")
@contextlib.contextmanager
def once():
    yield
cm = once()
with cm:
    pass
try:
    with cm:
        pass
except (RuntimeError, AttributeError) as e:
    print(type(e).__name__, "on reuse")
class Counter:
    def __init__(self):
        self.depth = 0
    def __enter__(self):
        self.depth += 1
        return self.depth
    def __exit__(self, *a):
        self.depth -= 1
c = Counter()
with c as d1:
    with c as d2:
        print("depths", d1, d2)
print("final depth", c.depth)
