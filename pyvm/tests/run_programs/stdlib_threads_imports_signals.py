# gc-stress-interval: 500
# Threads and the import system: a module imported by several threads at
# once runs once, and nobody sees it half-initialized. signal.signal is for
# the main thread only.
import os
import shutil
import signal
import sys
import tempfile
import threading

d = tempfile.mkdtemp()
with open(os.path.join(d, "slow_module_for_threads.py"), "w") as f:
    f.write(
        "import time\n"
        "LOADS = []\n"
        "LOADS.append('start')\n"
        "time.sleep(0.05)\n"
        "VALUE = 42\n"
        "LOADS.append('end')\n"
    )
sys.path.insert(0, d)
results = []

def worker(i):
    import slow_module_for_threads as m
    results.append((i, m.VALUE, list(m.LOADS)))

ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results))

sys.path.remove(d)
shutil.rmtree(d)

# signal.signal and set_wakeup_fd from another thread.
def from_thread():
    for call in (
        lambda: signal.signal(signal.SIGUSR1, signal.SIG_IGN),
        lambda: signal.set_wakeup_fd(-1),
        lambda: signal.getsignal(signal.SIGUSR1),
    ):
        try:
            print("ok:", call())
        except ValueError as e:
            print("ValueError:", e)

t = threading.Thread(target=from_thread)
t.start()
t.join()
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) == signal.SIG_DFL)
