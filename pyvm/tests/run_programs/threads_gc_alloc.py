# gc-stress-interval: 2
# Threads allocating heavily while the main thread allocates too: every
# thread's frames, registers and temporaries survive collections run by
# any thread (under PYVM_GC_STRESS objects move at every allocation).
# (`_thread` only: importing `threading` under a stress interval of 1
# would take minutes.)
import _thread
import sys

sys.setswitchinterval(0.0005)
results = {}


class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt


def build(tag, n):
    head = None
    for i in range(n):
        head = Node((tag, i, [i] * 3, {"k": str(i)}), head)
    total = 0
    while head is not None:
        tag_, i, lst, d = head.v
        total += i + sum(lst) + len(d["k"])
        head = head.nxt
    return total


def worker(tag):
    acc = []
    for rnd in range(2):
        acc.append(build(tag, 40))
        s = "".join(str(x) for x in range(20))
        acc.append(len(s))
    try:
        {}["missing " + tag]
    except KeyError as e:
        acc.append(str(e))
    gen = (x * x for x in range(20))
    acc.append(sum(gen))
    results[tag] = acc


done = []


def run(tag):
    lock = _thread.allocate_lock()
    lock.acquire()
    done.append(lock)

    def body():
        try:
            worker(tag)
        finally:
            lock.release()

    _thread.start_new_thread(body, ())


for i in range(3):
    run(f"t{i}")
main_acc = [build("main", 60) for _ in range(2)]
for lock in done:
    lock.acquire()
print(main_acc)
for k in sorted(results):
    print(k, results[k])
