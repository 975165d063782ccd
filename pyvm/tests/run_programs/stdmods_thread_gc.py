import _thread
import gc

lock = _thread.allocate_lock()
print(type(lock), _thread.LockType is type(lock), lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
print(repr(lock)[:22])
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(r._is_owned(), repr(r)[:48])
with r:
    with r:
        print("rlock nested")
print(_thread.get_ident() == _thread.get_ident(), _thread._count(), _thread.TIMEOUT_MAX, _thread.stack_size())
print(_thread.error is RuntimeError)
loc = _thread._local()
loc.x = 5
print(loc.x, type(loc))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: _thread.allocate_lock().release())
t(lambda: _thread.RLock().release())
t(lambda: lock.acquire(False, 1))
t(lambda: lock.acquire(True, -2))
t(lambda: _thread.stack_size(10))
t(lambda: _thread.stack_size(1, 2))

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(1), gc.is_tracked("a"), gc.is_tracked({"a": []}))
container = [1, "two", (3,)]
print(sorted([repr(x) for x in gc.get_referents(container)]))
print(isinstance(gc.collect(), int), len(gc.garbage), gc.DEBUG_LEAK, type(gc.get_stats()), len(gc.get_stats()))
t(lambda: gc.collect(3))

log = []
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append(self.name)
def make():
    x = Noisy("x")
    y = Noisy("y")
    x.other = y
    y.other = x
make()
def collect_until_quiet():
    for _ in range(20):
        before = len(log)
        gc.collect()
        if len(log) == before:
            break
collect_until_quiet()
print(sorted(log))

phases = []
gc.callbacks.append(lambda phase, info: phases.append((phase, info["generation"])))
gc.collect()
gc.callbacks.pop()
print(phases)
