# A bounded buffer built from a Condition; every produced item is consumed exactly once.
import threading
class Buffer:
    def __init__(self, size):
        self.items = []
        self.size = size
        self.cond = threading.Condition()
    def put(self, item):
        with self.cond:
            self.cond.wait_for(lambda: len(self.items) < self.size)
            self.items.append(item)
            self.cond.notify_all()
    def get(self):
        with self.cond:
            self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            self.cond.notify_all()
            return item
buf = Buffer(2)
consumed = []
def producer(tag):
    for i in range(20):
        buf.put((tag, i))
def consumer(n):
    for _ in range(n):
        consumed.append(buf.get())
ps = [threading.Thread(target=producer, args=(t,)) for t in "xy"]
cs = [threading.Thread(target=consumer, args=(20,)) for _ in range(2)]
for t in ps + cs: t.start()
for t in ps + cs: t.join()
print(len(consumed), sorted(consumed) == sorted((t, i) for t in "xy" for i in range(20)))
per_tag = {t: [i for tag, i in consumed if tag == t] for t in "xy"}
print({t: v == sorted(v) for t, v in per_tag.items()})
