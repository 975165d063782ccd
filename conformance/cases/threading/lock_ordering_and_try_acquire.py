# Non-blocking acquire, timeouts, and locks held across threads with a deterministic hand-off.
import threading
lock = threading.Lock()
holder_ready = threading.Event()
release_now = threading.Event()
def holder():
    with lock:
        holder_ready.set()
        release_now.wait()
t = threading.Thread(target=holder)
t.start()
holder_ready.wait()
print("try while held:", lock.acquire(blocking=False), lock.acquire(timeout=0.05))
release_now.set()
t.join()
print("try after release:", lock.acquire(blocking=False))
lock.release()
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print("ValueError:", e)
print(repr(lock.locked()))
