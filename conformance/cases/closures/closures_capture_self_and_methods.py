# Bound methods and closures capturing self keep the instance alive and see its updates.
import gc
import weakref
class Counter:
    def __init__(self):
        self.n = 0
    def make_incrementer(self):
        def inc():
            self.n += 1
            return self.n
        return inc
c = Counter()
inc = c.make_incrementer()
bound = c.make_incrementer
inc(); inc()
print(c.n, bound().__call__(), c.n)
r = weakref.ref(c)
del c
gc.collect()
print("alive through the closure:", r() is not None, inc())
del inc, bound
gc.collect()
print("collected after the closure is gone:", r() is None)
class Button:
    def __init__(self, label):
        self.label = label
        self.handlers = []
    def on_click(self, fn):
        self.handlers.append(fn)
        return fn
    def click(self):
        return [h() for h in self.handlers]
b = Button("ok")
@b.on_click
def shout():
    return b.label.upper()
b.on_click(lambda: len(b.label))
b.label = "okay"
print(b.click())
