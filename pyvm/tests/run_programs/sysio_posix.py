# posix, errno, signal and faulthandler.
import posix, errno, signal, _locale, faulthandler, sys
print(posix.getcwd() != "", type(posix.getpid()))
st = posix.stat("/tmp")
print(st.st_mode & 0o170000 == 0o040000, st.st_size >= 0, type(st.st_mtime))
try:
    posix.stat("/nonexistent/zz")
except FileNotFoundError as e:
    print(e, e.errno == errno.ENOENT)
# One directory per process: the test suites run this program under
# python3 and pyvm at the same time.
d = "/tmp/pyvm_sysio_posix_dir_%d" % posix.getpid()
posix.mkdir(d)
print(posix.listdir(d))
with open(d + "/a.txt", "w") as f:
    f.write("x")
for e in posix.scandir(d):
    print(e.name, e.is_file(), e.is_dir(), e.path == d + "/a.txt")
posix.rename(d + "/a.txt", d + "/b.txt")
print(sorted(posix.listdir(d)))
posix.unlink(d + "/b.txt")
posix.rmdir(d)
try:
    posix.rmdir(d)
except OSError as e:
    print(type(e).__name__, str(e).replace(d, "<d>"))
print(errno.errorcode[errno.ENOENT], posix.strerror(2), posix.uname().sysname)
print(posix.access("/tmp", posix.F_OK), type(posix.environ))
got = []
def h(signum, frame):
    got.append(signum)
old = signal.signal(signal.SIGUSR1, h)
signal.raise_signal(signal.SIGUSR1)
# SIGINT's handler is default_int_handler, or SIG_IGN when the program was
# started with SIGINT ignored (a background job), in CPython and pyvm alike.
print(got, old, signal.getsignal(signal.SIGINT) in (signal.default_int_handler, signal.SIG_IGN))
signal.signal(signal.SIGINT, h)
signal.raise_signal(signal.SIGINT)
print(got)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(faulthandler.is_enabled(), faulthandler.enable(), faulthandler.is_enabled())
