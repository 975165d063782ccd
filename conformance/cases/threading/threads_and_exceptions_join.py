# Exceptions inside threads do not propagate to join(); results and errors are collected by hand.
import threading
results = {}
errors = {}
def work(n):
    try:
        if n % 3 == 0:
            raise ValueError(f"bad input {n}")
        results[n] = n * n
    except Exception as e:
        errors[n] = repr(e)
threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 8)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(results.items()))
print(sorted(errors.items()))
seen = []
threading.excepthook = lambda args: seen.append((args.exc_type.__name__, args.thread.name))
def uncaught():
    raise OSError("escaped the thread")
t = threading.Thread(target=uncaught, name="escaper")
t.start(); t.join()
print(seen, "join returned normally")
