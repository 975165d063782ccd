# Binary files, BytesIO, TextIOWrapper over a binary buffer, text codecs.
import _io
import io
import posix

d = "/tmp/pyvm-iobytes-files-%d" % posix.getpid()
posix.mkdir(d)
p = d + "/a.bin"

# binary modes
with open(p, "wb") as f:
    print(type(f).__name__, f.mode, f.write(b"hello\nworld\n"), f.write(bytearray(b"xy")),
          f.write(memoryview(b"0123")[1:3]))
    print(repr(f).replace(d, "D"), repr(f.raw).replace(d, "D"))
with open(p, "rb") as f:
    print(type(f).__name__, f.read(3), f.peek()[:4], f.read1(2), f.readline(), f.readlines())
    print(f.seek(0), f.tell(), f.read(), f.read(), f.tell())
    ba = bytearray(4)
    f.seek(1)
    print(f.readinto(ba), ba)
    mv = memoryview(bytearray(b"......"))
    f.seek(0)
    print(f.readinto(mv[1:4]), bytes(mv.obj))
    f.seek(0)
    print(list(f))
with open(p, "r+b") as f:
    print(type(f).__name__, f.seek(0, 2))
    f.write(b"END")
    f.seek(0)
    print(f.read())
    print(f.truncate(5), f.seek(0), f.read())
with open(p, "ab") as f:
    f.write(b"++")
with open(p, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(), f.readall())
f = open(p, "wb")
f.write(b"not closed explicitly")

# errors
for mode, op, arg in [("rb", "write", b"x"), ("wb", "read", None), ("wb", "write", "text"),
                      ("rb", "readinto", b"ro")]:
    with open(p, mode) as g:
        try:
            getattr(g, op)(*([] if arg is None else [arg]))
        except Exception as e:
            print(mode, op, type(e).__name__, e)
for kw in [{"encoding": "utf-8"}, {"newline": ""}, {"errors": "strict"}]:
    try:
        open(p, "rb", **kw)
    except ValueError as e:
        print(e)
try:
    open(p, "r", encoding="no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)

# BytesIO
b = io.BytesIO(b"abc\ndef\nghi")
print(b.read(2), b.tell(), b.readline(), list(b), b.read(), b.getvalue())
b.seek(0)
print(b.write(b"XY"), b.getvalue(), b.tell(), bytes(b.getbuffer()))
b.seek(20)
b.write(b"!")
print(b.getvalue(), b.truncate(3), b.getvalue(), b.tell())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
try:
    b.fileno()
except io.UnsupportedOperation as e:
    print("fileno:", e)
b.close()
print(b.closed)
for op in ("read", "getvalue", "tell"):
    try:
        getattr(b, op)()
    except ValueError as e:
        print(op, e)
try:
    io.BytesIO("str")
except TypeError as e:
    print(e)
try:
    io.BytesIO().write("str")
except TypeError as e:
    print(e)
with io.BytesIO(bytearray(b"w")) as bb:
    print(bb.read())

# TextIOWrapper over BytesIO
t = io.TextIOWrapper(io.BytesIO("héllo\nwörld\r\nend".encode()), encoding="utf-8")
print(t.readline(), t.readlines(), t.buffer.getvalue()[:3], t.encoding)
t = _io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\n"), encoding="ascii", newline="")
print(t.readlines())
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-16-le", newline="\r\n")
t.write("x\ny\n")
t.flush()
print(raw.getvalue())
t = io.TextIOWrapper(io.BytesIO(b"caf\xe9"), encoding="latin-1")
print(t.read())
t = io.TextIOWrapper(io.BytesIO(b"ok \xff"), encoding="utf-8")
try:
    t.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e.reason, e.start, e.end)

# text codecs on files
text = "línea 1 — ünïcödé\nline 2: 日本語 😀\n"
for enc in ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32-le", "utf-32", "latin-1", "ascii"):
    path = d + "/" + enc + ".txt"
    try:
        with open(path, "w", encoding=enc, newline="\n") as f:
            f.write(text[:6])
            f.write(text[6:])
    except UnicodeEncodeError as e:
        print(enc, "cannot encode:", e.reason, e.start, e.end)
        continue
    with open(path, "rb") as f:
        raw = f.read()
    with open(path, encoding=enc) as f:
        back = f.read()
    with open(path, encoding=enc) as f:
        lines = f.readlines()
    print(enc, len(raw), raw[:6].hex(), back == text, lines)
path = d + "/errors.txt"
with open(path, "wb") as f:
    f.write(b"ok \xff\xfe bad\n")
with open(path, encoding="utf-8", errors="replace") as f:
    print("replace:", ascii(f.read()))
with open(path, encoding="utf-8", errors="surrogateescape") as f:
    s = f.read()
print(ascii(s), s.encode("utf-8", "surrogateescape") == b"ok \xff\xfe bad\n")
with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
    f.write(s)
with open(path, "rb") as f:
    print(f.read())
try:
    with open(path, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("strict:", e.reason, e.start, e.end, e.encoding)
with open(path, "w", encoding="utf-8") as f:
    f.write("abc\ndéf\n")
with open(path, encoding="utf-8") as f:
    print(f.readline(), f.tell(), f.read(2), f.tell())

# opener
seen = []
def opener(path, flags):
    seen.append((path == d + "/op.txt", bool(flags & posix.O_CREAT)))
    return posix.open(path, flags, 0o644)
with open(d + "/op.txt", "w", opener=opener) as f:
    f.write("via opener\n")
print(seen, open(d + "/op.txt", "rb", opener=opener).read(), seen[-1])
for bad in (lambda p, f: -1, lambda p, f: "x"):
    try:
        open(d + "/op.txt", opener=bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# os.PathLike paths
class PathLike:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p
with open(PathLike(d + "/op.txt"), "rb") as f:
    print(f.name == d + "/op.txt", f.read())
with open(file=PathLike((d + "/op.txt").encode())) as f:
    print(type(f.name).__name__, f.read())
try:
    open(PathLike(3))
except TypeError as e:
    print(e)

for n in sorted(posix.listdir(d)):
    posix.unlink(d + "/" + n)
posix.rmdir(d)
print("done")
