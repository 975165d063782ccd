# gc-stress-interval: 500
# The threading toolbox on real threads: Lock counters, RLock, Queue,
# Event, Condition, Semaphore, Barrier, Timer, ThreadPoolExecutor, local.
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor

# Many threads incrementing under a Lock give the exact count.
lock = threading.Lock()
total = 0


def add(n):
    global total
    for _ in range(n):
        with lock:
            total += 1


ts = [threading.Thread(target=add, args=(2000,)) for _ in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", total)

# RLock is reentrant for its owner, and other threads wait for it.
rl = threading.RLock()
order = []


def inner():
    with rl:
        order.append("other")


with rl:
    with rl:
        t = threading.Thread(target=inner)
        t.start()
        time.sleep(0.01)
        order.append("owner")
t.join()
print("rlock", order)

# queue.Queue producer/consumer.
q = queue.Queue(maxsize=3)
got = []


def producer():
    for i in range(20):
        q.put(i)
    q.put(None)


def consumer():
    while (item := q.get()) is not None:
        got.append(item * item)


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
c.start()
p.start()
p.join()
c.join()
print("queue", sum(got), len(got))

# Event.
ev = threading.Event()
flags = []


def waiter(i):
    ev.wait()
    with lock:
        flags.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
print("event set?", ev.is_set(), flags)
ev.set()
for w in ws:
    w.join()
print("event", sorted(flags), ev.wait(0.01))

# Condition with notify_all.
cond = threading.Condition()
ready = []


def cwait(i):
    with cond:
        cond.wait_for(lambda: ready)
        ready.append(i)


cs = [threading.Thread(target=cwait, args=(i,)) for i in range(3)]
for t in cs:
    t.start()
with cond:
    ready.append("go")
    cond.notify_all()
for t in cs:
    t.join()
print("condition", ready[0], sorted(ready[1:]))
with cond:
    print("wait timeout", cond.wait(0.01))

# Semaphore bounds concurrency.
sem = threading.BoundedSemaphore(2)
active = [0, 0]


def limited():
    with sem:
        with lock:
            active[0] += 1
            active[1] = max(active[1], active[0])
        time.sleep(0.005)
        with lock:
            active[0] -= 1


ss = [threading.Thread(target=limited) for _ in range(6)]
for t in ss:
    t.start()
for t in ss:
    t.join()
print("semaphore max", active[1] <= 2, active[0])
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

# Barrier.
bar = threading.Barrier(3)
idx = []


def at_barrier():
    idx.append(bar.wait())


bs = [threading.Thread(target=at_barrier) for _ in range(3)]
for t in bs:
    t.start()
for t in bs:
    t.join()
print("barrier", sorted(idx))

# Timer.
fired = threading.Event()
tm = threading.Timer(0.01, fired.set)
tm.start()
print("timer", fired.wait(5))
tm2 = threading.Timer(10, fired.clear)
tm2.start()
tm2.cancel()
tm2.join()
print("cancelled", fired.is_set())

# ThreadPoolExecutor.map keeps the order.
with ThreadPoolExecutor(max_workers=4) as ex:
    print("pool", list(ex.map(lambda x: x * 10, range(8))))
    fut = ex.submit(pow, 2, 10)
    print("future", fut.result())

# threading.local: one value per thread.
loc = threading.local()
loc.v = "main"
seen = []


def use_local(i):
    loc.v = i
    time.sleep(0.002)
    seen.append(loc.v == i)


ls = [threading.Thread(target=use_local, args=(i,)) for i in range(4)]
for t in ls:
    t.start()
for t in ls:
    t.join()
print("local", seen, loc.v)

# Identity.
ids = set()
alive = threading.Barrier(3)


def ident():
    ids.add((threading.get_ident(), threading.get_native_id()))
    alive.wait()  # all alive at once: no identity is reused


its = [threading.Thread(target=ident) for _ in range(3)]
for t in its:
    t.start()
for t in its:
    t.join()
ids.add((threading.get_ident(), threading.get_native_id()))
print("idents", len(ids), len({a for a, _ in ids}), len({b for _, b in ids}))
print("current", threading.current_thread().name, threading.active_count())
