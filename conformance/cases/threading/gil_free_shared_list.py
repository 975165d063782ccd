# list.append and dict updates from several threads never lose items.
import threading
shared = []
d = {}
def fill(tag):
    for i in range(500):
        shared.append((tag, i))
        d[(tag, i)] = i
ts = [threading.Thread(target=fill, args=(t,)) for t in "abcd"]
for t in ts: t.start()
for t in ts: t.join()
print(len(shared), len(d))
per_tag = {}
for tag, i in shared:
    per_tag.setdefault(tag, []).append(i)
print(all(v == list(range(500)) for v in per_tag.values()), sorted(per_tag))
import queue
q = queue.SimpleQueue()
def push(n):
    for i in range(n):
        q.put(i)
ps = [threading.Thread(target=push, args=(100,)) for _ in range(3)]
for p in ps: p.start()
for p in ps: p.join()
items = []
while not q.empty():
    items.append(q.get())
print(len(items), sum(items))
