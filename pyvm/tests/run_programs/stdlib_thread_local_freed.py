# gc-stress-interval: 500
# threading.local: each thread sees its own attributes, and what a thread
# stored is freed when the thread ends (weak references show it).
import gc
import threading
import weakref

loc = threading.local()
loc.value = "main"

class Payload:
    def __init__(self, n):
        self.n = n

refs = []
seen = []

def work(i):
    seen.append((i, hasattr(loc, "value")))
    p = Payload(i)
    refs.append(weakref.ref(p))
    loc.value = p
    seen.append((i, loc.value.n))

threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
    t.join()
del t, threads
gc.collect()
print(sorted(seen))
print("freed:", [r() is None for r in refs])
print("main still sees:", loc.value)

class Counter(threading.local):
    def __init__(self, start):
        self.count = start

c = Counter(10)
out = []

def bump():
    c.count += 1
    out.append(c.count)

t = threading.Thread(target=bump)
t.start()
t.join()
bump()
print(out, c.count)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
