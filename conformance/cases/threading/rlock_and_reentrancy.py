# RLock reentrancy from recursive functions and Condition built on an RLock.
import threading
rl = threading.RLock()
def recursive(n):
    with rl:
        return 0 if n == 0 else 1 + recursive(n - 1)
print(recursive(50))
results = []
def worker():
    results.append(recursive(10))
ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(results)
cond = threading.Condition(threading.RLock())
with cond:
    with cond:
        print("condition over RLock re-entered")
lock = threading.Lock()
print(lock.acquire(False), lock.acquire(False))
lock.release()
