# gc-stress-interval: 500
# Daemon threads still running (spinning, sleeping, blocked on a lock) when
# the main thread ends do not stop the program from exiting cleanly; a
# non-daemon thread is joined first; output printed by all is complete.
import threading
import time

held = threading.Lock()
held.acquire()
started = threading.Barrier(4)


def spin():
    started.wait()
    n = 0
    while True:
        n += 1
        _ = [n] * 10


def sleeper():
    started.wait()
    while True:
        time.sleep(0.01)


def blocked():
    started.wait()
    held.acquire()


for f in (spin, sleeper, blocked):
    threading.Thread(target=f, daemon=True).start()
started.wait()


def late():
    time.sleep(0.05)
    print("non-daemon thread finished")


threading.Thread(target=late).start()
print("main done", threading.active_count())
