# gc-stress-interval: 50
# os.register_at_fork: hook order around os.fork; random reseeds in the child.
import os, sys, random
log = []
os.register_at_fork(before=lambda: log.append("before1"), after_in_parent=lambda: log.append("parent1"),
                    after_in_child=lambda: print("child hook", flush=True))
os.register_at_fork(before=lambda: log.append("before2"), after_in_parent=lambda: log.append("parent2"))
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
print(log)
for f in [lambda: os.register_at_fork(), lambda: os.register_at_fork(before=1), lambda: os.register_at_fork(1),
          lambda: os.register_at_fork(foo=print)]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
random.seed(5)
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, repr(random.random()).encode())
    os._exit(0)
os.waitpid(pid, 0)
child_value = os.read(r, 100).decode()
print("child reseeded:", child_value != repr(random.random()))
# os.execv's argument errors (argv items convert as subprocess's do).
for args in [("/bin/true", []), ("/bin/true", [1]), ("/bin/true", [""]), ("/nonexistent", ["x"])]:
    try:
        os.execv(*args)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
