# gc-stress-interval: 100
# CPython's errors for bad socket use: refused connections, bad address
# tuples, failed lookups, conversions and closed sockets.
import socket

# A port nobody listens on: bind one, note it, close it.
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e, e.errno)
print(c.connect_ex(("127.0.0.1", port)))
c.close()
try:
    socket.create_connection(("127.0.0.1", port))
except OSError as e:
    print("create_connection:", type(e).__name__, e)

def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

s = socket.socket()
attempt("connect str", lambda: s.connect("x"))
attempt("connect 1-tuple", lambda: s.connect(("127.0.0.1",)))
attempt("connect int host", lambda: s.connect((1, 2)))
attempt("connect str port", lambda: s.connect(("127.0.0.1", "x")))
attempt("connect big port", lambda: s.connect(("127.0.0.1", 70000)))
attempt("bind bad host", lambda: s.bind(("no.such.host.invalid", 0)))
attempt("bind 5 parts", lambda: s.bind(("1.2.3.4.5", 0)))
attempt("sendto 1 arg", lambda: s.sendto(b"x"))
attempt("send str", lambda: s.send("x"))
attempt("setsockopt str", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, "x"))
attempt("getpeername", lambda: s.getpeername())
attempt("shutdown 7", lambda: s.shutdown(7))
s.close()
attempt("recv closed", lambda: s.recv(1))
s6 = socket.socket(socket.AF_INET6)
attempt("inet6 str", lambda: s6.connect("x"))
attempt("inet6 flowinfo", lambda: s6.connect(("::1", 1, 2 ** 21)))
s6.close()
u = socket.socket(socket.AF_UNIX)
attempt("unix int", lambda: u.connect(1))
attempt("unix long", lambda: u.connect("x" * 200))
attempt("unix missing", lambda: u.connect("/nonexistent/pyvm/sock"))
u.close()
attempt("socket(99)", lambda: socket.socket(99))
attempt("fileno=-1", lambda: socket.socket(fileno=-1))
attempt("fileno str", lambda: socket.socket(fileno="x"))
attempt("getaddrinfo", lambda: socket.getaddrinfo("no.such.host.invalid", 80))
attempt("getaddrinfo service", lambda: socket.getaddrinfo("127.0.0.1", "nosuchservice"))
attempt("getaddrinfo port", lambda: socket.getaddrinfo("127.0.0.1", 1.5))
attempt("getnameinfo 1", lambda: socket.getnameinfo(1, 0))
attempt("getnameinfo short", lambda: socket.getnameinfo(("127.0.0.1",), 0))
attempt("gethostbyname", lambda: socket.gethostbyname("no.such.host.invalid"))
attempt("getservbyname", lambda: socket.getservbyname("nosuch"))
attempt("getservbyport", lambda: socket.getservbyport(99999))
attempt("getprotobyname", lambda: socket.getprotobyname("zz"))
attempt("inet_aton", lambda: socket.inet_aton("x"))
attempt("inet_ntoa", lambda: socket.inet_ntoa(b"12"))
attempt("inet_pton", lambda: socket.inet_pton(socket.AF_INET, "x"))
attempt("inet_ntop", lambda: socket.inet_ntop(socket.AF_INET, b"1"))
attempt("htons -1", lambda: socket.htons(-1))
attempt("htons big", lambda: socket.htons(70000))
attempt("setdefaulttimeout", lambda: socket.setdefaulttimeout(-2))
attempt("CMSG_LEN", lambda: socket.CMSG_LEN(-1))
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.error is OSError, socket.timeout is TimeoutError)
try:
    socket.getaddrinfo("no.such.host.invalid", 80)
except socket.gaierror as e:
    print(e.errno == socket.EAI_NONAME, e.strerror, e.args)
