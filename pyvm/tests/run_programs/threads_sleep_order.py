# gc-stress-interval: 500
# time.sleep lets other threads run: a thread sleeping longer finishes
# after one sleeping shorter even when started first; blocking waits
# (lock acquire with a timeout, join with a timeout) report what CPython
# reports. Orderings, not timings, are checked.
import _thread
import sys
import threading
import time

events = []
lock = threading.Lock()


def nap(name, secs):
    time.sleep(secs)
    with lock:
        events.append(name)


slow = threading.Thread(target=nap, args=("slow", 0.3))
fast = threading.Thread(target=nap, args=("fast", 0.01))
slow.start()
fast.start()
fast.join()
print(events, slow.is_alive())
slow.join()
print(events)

# acquire with timeout / non-blocking on a lock another thread holds.
busy = threading.Lock()
go = threading.Event()
stop = threading.Event()


def holder():
    with busy:
        go.set()
        stop.wait()


h = threading.Thread(target=holder)
h.start()
go.wait()
print("non-blocking", busy.acquire(False))
print("timeout", busy.acquire(timeout=0.02))
print("join timeout", h.join(0.01), h.is_alive())
stop.set()
h.join()
print("free", busy.acquire(timeout=5), busy.locked())
busy.release()

# Errors, as CPython words them.
for call in (
    lambda: busy.release(),
    lambda: busy.acquire(False, 1),
    lambda: busy.acquire(timeout=-5),
    lambda: busy.acquire(timeout=1e20),
    lambda: busy.acquire(timeout=float("nan")),
    lambda: threading.RLock().release(),
    lambda: _thread.start_new_thread(1, ()),
    lambda: _thread.start_new_thread(print, []),
    lambda: _thread.start_new_thread(print, (), 3),
    lambda: _thread.start_new_thread(print),
    lambda: sys.setswitchinterval(0),
    lambda: sys.setswitchinterval("x"),
    lambda: threading.stack_size(100),
):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)

sys.setswitchinterval(0.002)
print(sys.getswitchinterval())
print(_thread.TIMEOUT_MAX == threading.TIMEOUT_MAX, _thread.error is RuntimeError)
print(repr(threading.Lock()).split(" object")[0], repr(threading.RLock()).split(" object")[0])
r = threading.RLock()
r.acquire()
r.acquire()
print(repr(r).split(" at ")[0].replace(str(threading.get_ident()), "ME"))
r.release()
r.release()
print(_thread._count(), threading.active_count())
