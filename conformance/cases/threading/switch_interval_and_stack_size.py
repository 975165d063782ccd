# sys.setswitchinterval / threading.stack_size settings round-trip and validate.
import sys
import threading
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
sys.setswitchinterval(0.005)
print(threading.stack_size())
try:
    threading.stack_size(1000)
except ValueError as e:
    print("ValueError:", e)
old = threading.stack_size(1 << 20)
print(old, threading.stack_size())
out = []
t = threading.Thread(target=lambda: out.append(sum(range(1000))))
t.start(); t.join()
threading.stack_size(0)
print(out, threading.stack_size())
