# __del__ runs when an object is collected; cycles are found by gc.collect().
# Finalization is observed only after collecting until nothing more is finalized,
# and in sorted order, since when and in which order finalizers run is
# implementation-defined.
import gc
log = []
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append(self.name)
def collect_until_quiet():
    # Some collectors finalize a cycle's members over several collections;
    # collect until a collection finalizes nothing new.
    for _ in range(20):
        before = len(log)
        gc.collect()
        if len(log) == before:
            break
def report(label):
    collect_until_quiet()
    print(label, sorted(log))
    log.clear()
a = Noisy("single")
del a
report("after del of a single object:")
x = Noisy("x")
y = Noisy("y")
x.other = y
y.other = x
del x, y
report("after an unreachable cycle:")
def scope():
    local = Noisy("local")
    return "returned"
print(scope())
report("after a function's local died:")
holder = [Noisy("in list")]
holder.clear()
report("after clearing a list:")
big = [Noisy(f"n{i}") for i in range(5)]
for i in range(4):
    big[i].next = big[i + 1]
big[4].next = big[0]
del big
report("after a ring of five:")
keep = Noisy("kept")
report("while still referenced:")
print(keep.name)
