# Event and Condition hand-offs between threads, with a deterministic transcript.
import threading
log = []
ready = threading.Event()
go = threading.Event()
def waiter():
    ready.set()
    go.wait()
    log.append("waiter released")
t = threading.Thread(target=waiter)
t.start()
ready.wait()
log.append("main saw ready")
go.set()
t.join()
print(log)
print(go.is_set(), go.wait(0.01))
go.clear()
print(go.is_set(), go.wait(0.01))
cond = threading.Condition()
items = []
def consumer(out):
    with cond:
        while len(items) < 3:
            cond.wait()
        out.extend(items)
received = []
c = threading.Thread(target=consumer, args=(received,))
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
c.join()
print(received)
with cond:
    print(cond.wait_for(lambda: True, timeout=0.1))
