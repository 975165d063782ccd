# gc-stress-interval: 50
# _stat (stat's native half) and fcntl: file modes, descriptor flags, locks, ioctl.
import stat, os, fcntl, _stat
print(stat.S_ISDIR(os.stat('/').st_mode), stat.S_ISREG(os.stat('/etc/passwd').st_mode))
for m in [0o40755, 0o100644, 0o104755, 0o102711, 0o41777, 0o41776, 0o120777, 0o20666, 0o10600, 0o140755, 0o60660, 0o7777, 0]:
    print(stat.filemode(m), stat.S_IMODE(m), stat.S_IFMT(m))
print(stat.filemode is _stat.filemode, stat.ST_MTIME, stat.UF_HIDDEN)
r, w = os.pipe()
fl = fcntl.fcntl(r, fcntl.F_GETFL)
fcntl.fcntl(r, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK != 0)
print(fcntl.fcntl(w, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
with open('/tmp/pyvm_lock_test_%d' % os.getpid(), 'w') as f:
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_EX)
    fcntl.lockf(f, fcntl.LOCK_UN)
os.remove('/tmp/pyvm_lock_test_%d' % os.getpid())
for bad in [lambda: fcntl.fcntl(-1, 1), lambda: fcntl.fcntl(999, fcntl.F_GETFD), lambda: fcntl.fcntl(r, 1, 1.5),
            lambda: fcntl.flock("x", 1), lambda: stat.S_ISDIR("x"), lambda: fcntl.fcntl(r)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
import struct
os.write(w, b"abc")
buf = bytearray(4)
print(fcntl.ioctl(r, 0x541B, buf), struct.unpack("i", buf))
print(struct.unpack("i", fcntl.ioctl(r, 0x541B, b"\0" * 4)))
os.close(r)
os.close(w)
