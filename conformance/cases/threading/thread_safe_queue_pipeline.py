# A three-stage thread pipeline connected by queues; output order preserved per item index.
import queue
import threading
def stage(fn, inbox, outbox):
    while True:
        item = inbox.get()
        if item is None:
            outbox.put(None)
            return
        idx, value = item
        outbox.put((idx, fn(value)))
q1, q2, q3 = queue.Queue(), queue.Queue(), queue.Queue()
workers = [
    threading.Thread(target=stage, args=(lambda v: v * 2, q1, q2)),
    threading.Thread(target=stage, args=(lambda v: v + 1, q2, q3)),
]
for w in workers: w.start()
for i in range(20):
    q1.put((i, i))
q1.put(None)
results = []
while (item := q3.get()) is not None:
    results.append(item)
for w in workers: w.join()
print(len(results), results == [(i, 2 * i + 1) for i in range(20)])
print(results[:4])
