# Semaphore limits concurrency; Barrier releases all parties together.
import threading
sem = threading.BoundedSemaphore(2)
active = 0
peak = 0
guard = threading.Lock()
def limited():
    global active, peak
    with sem:
        with guard:
            active += 1
            peak = max(peak, active)
        for _ in range(1000):
            pass
        with guard:
            active -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("peak <= 2:", peak <= 2, "active:", active)
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
barrier = threading.Barrier(3)
order = []
def party(i):
    order.append(("before", i))
    barrier.wait()
    order.append(("after", i))
ps = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for p in ps: p.start()
for p in ps: p.join()
befores = [k for k, _ in order[:3]]
print(befores, sorted(i for k, i in order if k == "after"))
