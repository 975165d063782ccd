# Reference cycles containing objects with __del__ are collected; all finalizers run once.
import gc
finalized = []
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        finalized.append(self.name)
def build_cycle(prefix, size):
    nodes = [Node(f"{prefix}{i}") for i in range(size)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.peer = b
def collect_until_quiet():
    for _ in range(20):
        before = len(finalized)
        gc.collect()
        if len(finalized) == before:
            break
for round_ in range(3):
    build_cycle(f"r{round_}-", 3)
collect_until_quiet()
print(sorted(finalized))
print(len(gc.garbage))
finalized.clear()
self_ref = Node("self")
self_ref.peer = self_ref
del self_ref
collect_until_quiet()
print(finalized)
import weakref
class Box(dict):
    pass
holder = Box()
holder["me"] = holder
probe = weakref.ref(holder)
del holder
collect_until_quiet()
print("dict cycle without finalizer collected:", probe() is None)
