# open(): text modes, iteration, seek/tell, errors; StringIO.
import io
import os
import sys

# A name of its own per run: concurrent test runs must not share the file.
path = f"/tmp/pyvm_sysio_files_{os.getpid()}.txt"
with open(path, "w") as f:
    print(f.write("first line\n"), f.name == path, f.mode, f.closed, f.encoding)
    f.write("second\r\nthird\n")
    print("fourth", file=f)
    f.writelines(["a\n", "b\n"])
print(f.closed)

with open(path) as f:
    print(f.readline(), end="")
    print(repr(f.read(6)))
    print(f.readlines())
with open(path, newline="") as f:
    print([line for line in f])
with open(path) as f:
    data = f.read()
    print(len(data), sum(1 for c in data if c == "\n"))
    print(f.tell() > 0, f.seek(0), repr(f.read(5)))
with open(path, "a") as f:
    f.write("appended\n")
with open(path) as f:
    print(f.readlines()[-1], end="")
with open(path, "r+") as f:
    f.write("FIRST")
    f.seek(0)
    print(f.readline(), end="")
with open(path, "w", encoding="latin-1") as f:
    f.write("caf\xe9\n")
with open(path, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
with open(path, encoding="latin-1") as f:
    print(repr(f.read()))

f = open(path)
f.close()
for op in [f.read, f.readline, lambda: f.write("x"), lambda: iter(f), f.fileno]:
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
with open(path) as f:
    try:
        f.write("no")
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))
with open(path, "w") as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
    try:
        f.write(5)
    except TypeError as e:
        print("TypeError", e)

for args in [("/nonexistent/dir/file",), ("/tmp",), (path, "rw"), (path, "rb+t"), (path, "z"),
             (path, "b", -1, "utf-8"), (path, "w", -1, None, None, "x"), (1.5,), (path, "")]:
    try:
        open(*args)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror, e.filename == path)
try:
    open(path, encoding="no-such-codec")
except LookupError as e:
    print("LookupError", e)

s = io.StringIO("hello\nworld\n")
print(s.readline(), end="")
print(s.read(), end="")
print(s.tell(), s.seek(0), s.read(3))
s = io.StringIO()
s.write("abc")
s.write("def")
print(s.getvalue(), s.tell())
s.seek(1)
s.write("X")
print(s.getvalue(), list(io.StringIO("a\nb")))
print("into stringio", 42, sep="-", file=s)
print(repr(s.getvalue()))
s.close()
try:
    s.getvalue()
except ValueError as e:
    print("ValueError", e)
with io.StringIO("ctx") as s2:
    print(s2.read())
print(s2.closed, isinstance(sys.stdout, io.TextIOWrapper))
os.remove(path)
