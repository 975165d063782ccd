# A generator cannot be resumed while running; a lock makes it shareable between threads.
import threading
def numbers():
    for i in range(1000):
        yield i
gen = numbers()
lock = threading.Lock()
taken = []
def take(n):
    for _ in range(n):
        with lock:
            taken.append(next(gen))
threads = [threading.Thread(target=take, args=(250,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(len(taken), sorted(taken) == list(range(1000)))
def self_resume():
    yield me.send(None)
me = self_resume()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
