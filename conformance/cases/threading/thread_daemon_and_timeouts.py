# join(timeout), daemon flags, is_alive, and a thread that is still waiting.
import threading
stop = threading.Event()
def wait_for_stop():
    stop.wait()
t = threading.Thread(target=wait_for_stop, daemon=True)
t.start()
t.join(timeout=0.05)
print("alive after short join:", t.is_alive(), "daemon:", t.daemon)
stop.set()
t.join()
print("alive after stop:", t.is_alive())
d = threading.Thread(target=lambda: None)
d.daemon = True
print(d.daemon)
d.start(); d.join()
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
def child_daemon():
    inner = threading.Thread(target=lambda: None)
    result.append(inner.daemon)
result = []
p = threading.Thread(target=child_daemon, daemon=True)
p.start(); p.join()
print("daemon inherited by children:", result)
