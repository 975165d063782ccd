# gc-stress-interval: 500
# detach(): a TextIOWrapper hands back its buffer, a BufferedReader/Writer
# its raw file; the wrapper is unusable afterwards (CPython's errors).
import io
import os
import sys
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "lines.txt")
with open(path, "w") as f:
    f.write("line one\nline two\n")

f = open(path, "r")
b = f.detach()
print(type(b).__name__, b.read(4))
for op in [lambda: f.read(), lambda: f.readline(), lambda: f.write('x'),
           lambda: f.close(), lambda: f.fileno(), lambda: f.detach(),
           lambda: f.buffer, lambda: f.encoding, lambda: f.tell(),
           lambda: f.flush(), lambda: iter(f), lambda: f.readable(),
           lambda: f.seekable()]:
    try:
        print(repr(op()))
    except ValueError as e:
        print("ValueError:", e)
r = b.detach()
print(type(r).__name__)
for op in [lambda: b.read(), lambda: b.close(), lambda: b.raw,
           lambda: b.detach(), lambda: b.readable()]:
    try:
        print(repr(op()))
    except ValueError as e:
        print("ValueError:", e)
r.close()

w = io.TextIOWrapper(io.BytesIO())
w.write("text é")
bb = w.detach()
print(bb.getvalue())
for obj in (io.StringIO(), io.BytesIO(b"x")):
    try:
        obj.detach()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation:", e)

# Writes buffered before detach reach the file; the raw file goes on.
out = open(path, "wb")
out.write(b"abc")
raw = out.detach()
raw.write(b"def")
raw.close()
with open(path, "rb") as f:
    print(f.read())
os.remove(path)
os.rmdir(d)

# The classic re-encoding of sys.stdout.
print("before", flush=True)
sys.stdout = io.TextIOWrapper(sys.stdout.detach(), encoding="latin-1", errors="replace")
print("after é ✓")
sys.stdout.flush()
