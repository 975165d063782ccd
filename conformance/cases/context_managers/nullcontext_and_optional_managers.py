# Choosing a context manager at run time: nullcontext, conditional locks, and reusable managers.
import contextlib
import threading
def process(data, lock=None):
    with lock if lock is not None else contextlib.nullcontext():
        return sum(data)
lock = threading.Lock()
print(process([1, 2]), process([3, 4], lock), lock.locked())
class Reusable:
    def __init__(self):
        self.uses = 0
    def __enter__(self):
        self.uses += 1
        return self.uses
    def __exit__(self, *exc):
        return False
r = Reusable()
with r as first:
    pass
with r as second:
    pass
print(first, second)
@contextlib.contextmanager
def optional(flag):
    if flag:
        print("setup")
    try:
        yield flag
    finally:
        if flag:
            print("teardown")
for flag in (True, False):
    with optional(flag) as f:
        print("body with", f)
with contextlib.nullcontext() as nothing:
    print(nothing)
