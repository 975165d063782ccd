# gc-stress-interval: 500
# Reads from pipes let other threads run while they wait (the GIL is
# released): without that, the writer threads below could never run.
import os
import sys
import threading
import time

def later(fn, *args):
    t = threading.Thread(target=fn, args=args)
    t.start()
    return t

# A buffered binary readline waits for a writer thread.
r, w = os.pipe()
f = os.fdopen(r, "rb")
progress = []
def slow_writer():
    for i in range(3):
        time.sleep(0.01)
        progress.append(i)
    os.write(w, b"first line\nsecond")
t = later(slow_writer)
print(f.readline(), progress)
t.join()

# read() to end of file: chunks arrive from a thread, then it closes.
def chunks():
    for i in range(4):
        time.sleep(0.01)
        os.write(w, bytes([65 + i]) * 10000)
    os.close(w)
t = later(chunks)
data = f.read()
t.join()
print(len(data), data[:8], data[-3:], sorted(set(data)))
f.close()

# Text mode, and input() reading sys.stdin from a pipe.
r, w = os.pipe()
def lines():
    time.sleep(0.01)
    os.write(w, "héllo\nwörld\n".encode())
    os.close(w)
t = later(lines)
saved = sys.stdin
sys.stdin = open(r, "r", encoding="utf-8")
try:
    print(repr(input()))
    print(repr(sys.stdin.readline()))
    try:
        input()
    except EOFError as e:
        print("EOFError:", e)
finally:
    sys.stdin.close()
    sys.stdin = saved
t.join()

# readinto and a raw FileIO read.
r, w = os.pipe()
def raw():
    time.sleep(0.01)
    os.write(w, b"0123456789")
    os.close(w)
t = later(raw)
buf = bytearray(4)
with open(r, "rb", buffering=0) as raw_f:
    print(raw_f.readinto(buf), buf, raw_f.read(3), raw_f.read())
t.join()
print("done")
