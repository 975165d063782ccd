# weakref.proxy forwards attribute access and raises ReferenceError once dead.
import gc
import weakref
class Target:
    def __init__(self):
        self.value = 10
    def method(self):
        return self.value * 2
t = Target()
p = weakref.proxy(t)
print(p.value, p.method())
p.value = 5
print(t.value)
del t
gc.collect()
try:
    p.value
except ReferenceError as e:
    print("ReferenceError:", e)
class Callable:
    def __call__(self):
        return "called"
c = Callable()
cp = weakref.proxy(c)
print(cp())
