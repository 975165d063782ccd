# OSError subclasses from file operations, with relative names only.
import os
import tempfile
d = tempfile.mkdtemp()
os.chdir(d)
tries = [
    lambda: open("missing.txt"), lambda: open("."), lambda: os.rmdir("nope"),
    lambda: os.listdir("nope"), lambda: open("x.txt", "rz"), lambda: open("x.txt", "rw"),
    lambda: open(3.5), lambda: os.mkdir("."), lambda: open("", "r"),
]
for t in tries:
    try:
        print("ok:", repr(t()))
    except (OSError, ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e} | errno={getattr(e, 'errno', None)}")
with open("f.txt", "w") as f:
    f.write("data")
try:
    with open("f.txt") as f:
        f.write("x")
except OSError as e:
    import io
    print(type(e).__name__, isinstance(e, io.UnsupportedOperation), e)
os.remove("f.txt")
os.chdir("/")
os.rmdir(d)
