# A Lock protects a shared counter; the total is exact.
import threading
counter = 0
lock = threading.Lock()
def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
threads = [threading.Thread(target=add, args=(2000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
print(lock.acquire(), lock.locked(), lock.acquire(blocking=False))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
r = threading.RLock()
r.acquire(); r.acquire()
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(lock.acquire(timeout=0.01), lock.acquire(timeout=0.01))
lock.release()
