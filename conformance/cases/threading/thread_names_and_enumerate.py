# Thread naming defaults, enumerate() membership while running, and main_thread().
import threading
started = threading.Event()
release = threading.Event()
def hold():
    started.set()
    release.wait()
t = threading.Thread(target=hold, name="holder")
t.start()
started.wait()
names = sorted(th.name for th in threading.enumerate())
print(names, threading.active_count())
release.set()
t.join()
print(sorted(th.name for th in threading.enumerate()))
print(threading.main_thread().name, threading.current_thread() is threading.main_thread())
anon = threading.Thread(target=lambda: None)
print(anon.name.startswith("Thread-"), anon.ident is None)
anon.start(); anon.join()
print(anon.ident is not None, anon.native_id is not None)
def who():
    seen.append(threading.current_thread().name)
seen = []
w = threading.Thread(target=who, name="reporter")
w.start(); w.join()
print(seen)
