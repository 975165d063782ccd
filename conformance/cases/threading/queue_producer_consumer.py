# queue.Queue between producer and consumer threads; FIFO order is preserved.
import queue
import threading
q = queue.Queue(maxsize=3)
out = []
def producer():
    for i in range(10):
        q.put(i)
    q.put(None)
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.append(item * item)
        q.task_done()
p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start(); c.start()
q.join()
p.join(); c.join()
print(out)
print(q.empty(), q.qsize())
try:
    q.get_nowait()
except queue.Empty:
    print("queue.Empty")
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for v in [3, 1, 2]:
    lq.put(v)
    pq.put(v)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
full = queue.Queue(maxsize=1)
full.put(1)
try:
    full.put_nowait(2)
except queue.Full:
    print("queue.Full")
