# Results from many threads gathered deterministically via join order and sorting.
import threading
def compute(i, out):
    acc = 0
    for k in range(1, 2000):
        acc = (acc + i * k) % 9973
    out[i] = acc
out = {}
threads = [threading.Thread(target=compute, args=(i, out)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print([out[i] for i in range(8)])
expected = []
for i in range(8):
    acc = 0
    for k in range(1, 2000):
        acc = (acc + i * k) % 9973
    expected.append(acc)
print(expected == [out[i] for i in range(8)])
lock = threading.Lock()
log = []
def ordered(i, prev, mine):
    prev.wait()
    with lock:
        log.append(i)
    mine.set()
events = [threading.Event() for _ in range(5)]
events[0].set()
chain = [threading.Thread(target=ordered, args=(i, events[i], events[i + 1] if i + 1 < 5 else threading.Event())) for i in range(5)]
for t in reversed(chain): t.start()
for t in chain: t.join()
print(log)
