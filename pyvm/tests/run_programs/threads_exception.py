# gc-stress-interval: 500
# An exception escaping a thread's function is reported as CPython does
# (captured from sys.stderr, stdlib paths and addresses normalized), and the
# program goes on; SystemExit ends a thread silently.
import io
import os
import re
import sys
import threading
import _thread

LIB = os.path.dirname(threading.__file__)


def captured(run):
    old, sys.stderr = sys.stderr, io.StringIO()
    try:
        run()
    finally:
        text, sys.stderr = sys.stderr.getvalue(), old
    text = text.replace(LIB, "<lib>").replace(os.path.dirname(os.path.abspath(__file__)), "<dir>")
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


def boom(n):
    raise ValueError(f"bad value {n}")


def run_worker():
    t = threading.Thread(target=boom, args=(3,), name="worker")
    t.start()
    t.join()
    print("after worker", t.is_alive())


print(captured(run_worker), end="")


def quiet():
    sys.exit(5)


t = threading.Thread(target=quiet)
t.start()
t.join()
print("SystemExit is silent")

seen = []
old = threading.excepthook


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


threading.excepthook = hook
t = threading.Thread(target=boom, args=(7,), name="hooked")
t.start()
t.join()
threading.excepthook = old
print(seen)


def run_raw():
    done = threading.Event()

    def raw():
        try:
            1 / 0
        finally:
            done.set()

    _thread.start_new_thread(raw, ())
    done.wait()
    while _thread._count():
        pass


print(captured(run_raw), end="")

# An uncaught exception in the main thread while a thread runs.
ev = threading.Event()
t = threading.Thread(target=ev.wait, daemon=True)
t.start()
raise KeyError("main")
