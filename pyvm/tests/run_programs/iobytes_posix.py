# posix on bytes: read/write/pipe/dup, bytes environ and paths; sys.stdout.buffer
# and sys.stdin.buffer.
import posix
import sys

d = "/tmp/pyvm-iobytes-posix-%d" % posix.getpid()
posix.mkdir(d)

r, w = posix.pipe()
print(posix.write(w, b"piped "), posix.write(w, bytearray(b"data")), posix.write(w, memoryview(b"!")))
print(posix.read(r, 4), posix.read(r, 100))
print(posix.get_blocking(r))
posix.set_blocking(r, False)
print(posix.get_blocking(r))
try:
    posix.read(r, 10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
posix.set_blocking(r, True)
w2 = posix.dup(w)
print(w2 > w, posix.write(w2, b"via dup"))
posix.close(w2)
print(posix.read(r, 100))
posix.close(w)
print(posix.read(r, 100))
posix.close(r)
for call, args in [(posix.read, (9999, 1)), (posix.write, (9999, b"x")), (posix.write, (1, "str")),
                   (posix.read, ("x", 1)), (posix.urandom, (-1,)), (posix.dup, (9999,))]:
    try:
        call(*args)
    except Exception as e:
        print(call.__name__, type(e).__name__, e)
u = posix.urandom(16)
print(type(u).__name__, len(u), len(posix.urandom(0)))

# bytes paths
fd = posix.open(d.encode() + b"/f.txt", posix.O_WRONLY | posix.O_CREAT)
posix.write(fd, b"in file\n")
posix.close(fd)
print(posix.listdir(d.encode()), posix.listdir(d))
print([(e.name, e.path == d.encode() + b"/f.txt", e.is_file()) for e in posix.scandir(d.encode())])
print(posix.stat(d.encode() + b"/f.txt").st_size, posix.fspath(b"p"), posix.fspath("p"))
print(type(posix.getcwdb()).__name__, posix.getcwdb().decode() == posix.getcwd())
with open(d.encode() + b"/f.txt", "rb") as f:
    print(f.read(), f.name == d.encode() + b"/f.txt", f.raw.name == f.name)
posix.unlink(d.encode() + b"/f.txt")
posix.rmdir(d)

# environ: bytes keys and values; putenv reaches children
print(type(next(iter(posix.environ))).__name__, type(posix.environ[b"PATH"]).__name__)
posix.putenv(b"IOBYTES_X", b"from-bytes")
posix.putenv("IOBYTES_Y", "from-str")
sys.stdout.flush()
posix.system("echo child: $IOBYTES_X $IOBYTES_Y")
posix.unsetenv(b"IOBYTES_X")
posix.system("echo child: ${IOBYTES_X:-unset}")
try:
    posix.putenv(b"A=B", b"x")
except ValueError as e:
    print(e)

# sys.stdout.buffer interleaves with print (flushed as CPython needs when
# its stdout is buffered)
print("text 1", flush=True)
sys.stdout.buffer.write(b"bytes 2\n")
sys.stdout.buffer.flush()
print("text 3", end=" ", flush=True)
n = sys.stdout.buffer.write(bytearray(b"bytes 4\n"))
sys.stdout.buffer.flush()
print(n, flush=True)
posix.write(1, b"fd write 5\n")
print(sys.stdout.buffer.mode, sys.stdout.buffer.name)

# sys.stdin.buffer over a pipe
r, w = posix.pipe()
posix.write(w, b"line one\nline two\n\xff raw\n")
posix.close(w)
posix.dup2(r, 0)
posix.close(r)
print(sys.stdin.buffer.readline())
print(sys.stdin.buffer.read())
print(repr(sys.stdin.read()))
sys.stdout.flush()
sys.stdout.buffer.write(b"unflushed at exit\n")
