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
for round_ in range(3):
    build_cycle(f"r{round_}-", 3)
gc.collect()
print(sorted(finalized))
print(len(gc.garbage))
finalized.clear()
self_ref = Node("self")
self_ref.peer = self_ref
del self_ref
gc.collect()
print(finalized)
holder = {}
holder["me"] = holder
del holder
print("dict cycle collected without finalizer; count ok:", gc.collect() >= 0)
