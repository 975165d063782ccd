# A closure counter shared by threads, guarded by a lock captured in the same closure.
import threading
def make_counter():
    count = 0
    lock = threading.Lock()
    def inc(times):
        nonlocal count
        for _ in range(times):
            with lock:
                count += 1
    def value():
        return count
    return inc, value
inc, value = make_counter()
threads = [threading.Thread(target=inc, args=(1000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(value())
print(inc.__code__.co_freevars, value.__code__.co_freevars)
