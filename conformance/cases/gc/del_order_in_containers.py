# Finalizers of objects held only by a container run when the container is collected.
import gc
log = []
class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        log.append(self.n)
items = [Item(i) for i in range(5)]
del items
gc.collect()
print(sorted(log))
log.clear()
d = {i: Item(i) for i in range(3)}
d.pop(1)
gc.collect()
print("after pop:", log)
d.clear()
gc.collect()
print("after clear:", sorted(log))
log.clear()
t = (Item("a"), Item("b"))
t = None
gc.collect()
print(sorted(log))
