# Generators are closed when dropped; finally blocks and context managers run.
import gc
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else None)
        return False
def reader():
    with Resource("file"):
        yield "line 1"
        yield "line 2"
r = reader()
print(next(r))
del r
gc.collect()
print("after drop")
def counter():
    try:
        for i in range(10):
            yield i
    finally:
        print("counter finally")
for v in counter():
    if v == 2:
        break
gc.collect()  # the abandoned generator is finalized by the time of this collection
print("loop exited")
c = counter()
print(list(zip(c, "ab")))
c.close()
print("done")
