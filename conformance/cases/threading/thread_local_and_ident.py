# threading.local gives each thread its own attributes.
import threading
local = threading.local()
local.value = "main"
seen = {}
def worker(name):
    print_safe = hasattr(local, "value")
    local.value = name
    seen[name] = (print_safe, local.value)
threads = [threading.Thread(target=worker, args=(f"t{i}",)) for i in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(seen.items()))
print(local.value)
idents = set()
def record():
    idents.add(threading.get_ident())
ts = [threading.Thread(target=record) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(1 <= len(idents) <= 3, threading.get_ident() not in idents)
print(threading.active_count(), len(threading.enumerate()))
