# posix, errno, signal and faulthandler.
import posix, errno, signal, _locale, faulthandler, sys
print(posix.getcwd() != "", type(posix.getpid()))
st = posix.stat("/tmp")
print(st.st_mode & 0o170000 == 0o040000, st.st_size >= 0, type(st.st_mtime))
try:
    posix.stat("/nonexistent/zz")
except FileNotFoundError as e:
    print(e, e.errno == errno.ENOENT)
posix.mkdir("/tmp/pyvm_sysio_posix_dir")
print(posix.listdir("/tmp/pyvm_sysio_posix_dir"))
with open("/tmp/pyvm_sysio_posix_dir/a.txt", "w") as f:
    f.write("x")
for e in posix.scandir("/tmp/pyvm_sysio_posix_dir"):
    print(e.name, e.is_file(), e.is_dir(), e.path)
posix.rename("/tmp/pyvm_sysio_posix_dir/a.txt", "/tmp/pyvm_sysio_posix_dir/b.txt")
print(sorted(posix.listdir("/tmp/pyvm_sysio_posix_dir")))
posix.unlink("/tmp/pyvm_sysio_posix_dir/b.txt")
posix.rmdir("/tmp/pyvm_sysio_posix_dir")
try:
    posix.rmdir("/tmp/pyvm_sysio_posix_dir")
except OSError as e:
    print(type(e).__name__, e)
print(errno.errorcode[errno.ENOENT], posix.strerror(2), posix.uname().sysname)
print(posix.access("/tmp", posix.F_OK), type(posix.environ))
got = []
def h(signum, frame):
    got.append(signum)
old = signal.signal(signal.SIGUSR1, h)
signal.raise_signal(signal.SIGUSR1)
print(got, old, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
signal.signal(signal.SIGINT, h)
signal.raise_signal(signal.SIGINT)
print(got)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(faulthandler.is_enabled(), faulthandler.enable(), faulthandler.is_enabled())
