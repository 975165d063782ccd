# An exception in a thread goes to threading.excepthook; the main thread continues.
import threading
captured = []
def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
def boom():
    raise KeyError("from thread")
t = threading.Thread(target=boom, name="failing")
t.start()
t.join()
print(captured)
print("main thread continues", t.is_alive())
