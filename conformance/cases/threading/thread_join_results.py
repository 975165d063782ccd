# Threads started and joined; results stored by index so output is deterministic.
import threading
results = [None] * 5
def work(i):
    total = sum(range(i * 1000))
    results[i] = (i, total)
threads = [threading.Thread(target=work, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print(all(not t.is_alive() for t in threads))
t = threading.Thread(target=lambda: None, name="custom-name")
print(t.name, t.is_alive(), t.daemon)
t.start(); t.join()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.out = None
    def run(self):
        self.out = self.n ** 2
ws = [Worker(n) for n in range(4)]
for w in ws: w.start()
for w in ws: w.join()
print([w.out for w in ws])
