# Each thread has its own recursion depth; the limit applies per thread.
import sys
import threading
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
def runaway():
    return runaway()
results = {}
def worker(name):
    try:
        runaway()
    except RecursionError:
        results[name] = "RecursionError"
    results[name + "-after"] = depth(500)
ts = [threading.Thread(target=worker, args=(f"t{i}",)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results.items()))
print(depth(900))
