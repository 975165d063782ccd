# gc-stress-interval: 100
# socketpair: echo, a 1 MB transfer, recv_into, shutdown/EOF, timeouts,
# blocking flags and makefile() line protocols.
import select
import socket

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.proto)
print(repr(a.family), repr(b.type))
print(a.gettimeout(), a.getblocking())

a.sendall(b"hello")
print(b.recv(10))
print(a.send(b"world"), b.recv(3), b.recv(10))

# 1 MB through non-blocking sockets driven by select().
big = bytes(range(256)) * 4096
a.setblocking(False)
b.setblocking(False)
print(a.gettimeout(), a.getblocking())
sent = 0
got = bytearray()
while len(got) < len(big):
    r, w, _ = select.select([b], [a] if sent < len(big) else [], [], 5)
    if w:
        try:
            sent += a.send(big[sent:sent + 65536])
        except BlockingIOError:
            pass
    if r:
        got += b.recv(65536)
print(len(got), got == big)
try:
    b.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
a.setblocking(True)
b.setblocking(True)

# recv_into a bytearray and a memoryview slice.
buf = bytearray(8)
a.sendall(b"abcdef")
print(b.recv_into(buf), buf)
a.sendall(b"XY")
view = memoryview(buf)[4:]
print(b.recv_into(view, 2), buf)
try:
    b.recv_into(bytearray(2), 5)
except ValueError as e:
    print("ValueError:", e)
try:
    b.recv_into(b"abc")
except TypeError as e:
    print("TypeError:", e)
try:
    b.recv(-1)
except ValueError as e:
    print("ValueError:", e)

# Timeouts.
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(1)
except TimeoutError as e:
    print(type(e).__name__, e, isinstance(e, socket.timeout))
b.settimeout(None)
for bad in (-1, "x"):
    try:
        b.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Shutdown: the peer sees end of file.
a.shutdown(socket.SHUT_WR)
print(b.recv(5), b.recv(5))
a.close()
b.close()
print(a.fileno(), "[closed]" in repr(a))
try:
    a.send(b"x")
except OSError as e:
    print(type(e).__name__, e.errno)

# makefile: a binary line protocol and a text one.
a, b = socket.socketpair()
wf = a.makefile("wb")
rf = b.makefile("rb")
wf.write(b"line one\nline two\n")
wf.write(b"partial")
wf.flush()
print(rf.readline(), rf.readline())
a.shutdown(socket.SHUT_WR)
print(rf.read())
wf.close()
rf.close()
a.close()
b.close()

a, b = socket.socketpair()
f = a.makefile("rw", encoding="utf-8", newline="")
g = b.makefile("r", encoding="utf-8")
f.write("héllo\nwörld\n")
f.flush()
print(repr(g.readline()), repr(g.readline()))
rw = b.makefile("rwb")
rw.write(b"back\n")
rw.flush()
print(repr(f.readline()))
print(f.mode, g.mode, type(rw).__name__)
for x in (f, g, rw):
    x.close()
a.close()
b.close()

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    print(s.type == socket.SOCK_DGRAM, s.fileno() >= 0)
print(s.fileno())
