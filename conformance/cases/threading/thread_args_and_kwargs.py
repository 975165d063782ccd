# Thread target arguments, return values collected through a shared dict, naming.
import threading
out = {}
def work(key, *, scale=1, extra=()):
    out[key] = (key * scale, extra)
threads = [
    threading.Thread(target=work, args=(1,)),
    threading.Thread(target=work, args=(2,), kwargs={"scale": 10}),
    threading.Thread(target=work, args=(3,), kwargs={"extra": ("x",)}),
]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(out.items()))
names = [threading.Thread(target=lambda: None, name=f"worker-{i}").name for i in range(3)]
print(names)
t = threading.Thread()
t.start(); t.join()
print("thread with no target runs and ends:", t.is_alive())
def raises():
    raise ValueError("inside")
caught = []
threading.excepthook = lambda a: caught.append(a.exc_type.__name__)
rt = threading.Thread(target=raises)
rt.start(); rt.join()
print(caught)
