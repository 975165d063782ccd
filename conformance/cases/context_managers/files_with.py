# Files as context managers: closed after the block, even after exceptions.
import os
import tempfile
d = tempfile.mkdtemp()
path = os.path.join(d, "data.txt")
with open(path, "w") as f:
    f.write("line one\nline two\n")
print(f.closed)
with open(path) as f:
    print(f.readline().rstrip(), f.closed)
try:
    with open(path) as f:
        raise ValueError("while reading")
except ValueError:
    print("closed after exception:", f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
with open(path, "a") as f1, open(path) as f2:
    f1.write("line three\n")
    f1.flush()
    print(len(f2.readlines()))
os.remove(path)
os.rmdir(d)
