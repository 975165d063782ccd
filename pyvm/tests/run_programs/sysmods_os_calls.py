# gc-stress-interval: 64
# os/posix calls the stdlib needs: sysconf/pathconf/statvfs, pty pairs,
# wait3/wait4, sendfile, pread/pwrite, readv/writev, affinity and
# priorities, inheritable flags, dir_fd functions, fwalk and rmtree.
import os
import shutil
import tempfile

print(os.sysconf("SC_PAGESIZE") == os.sysconf(os.sysconf_names["SC_PAGE_SIZE"]))
print(os.sysconf("SC_NPROCESSORS_ONLN") >= 1, os.sysconf("SC_CLK_TCK") > 0)
for bad in ("SC_NOPE", 1.5):
    try:
        os.sysconf(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(os.pathconf("/", "PC_NAME_MAX") >= 14, "PC_PATH_MAX" in os.pathconf_names)
print(isinstance(os.confstr("CS_PATH"), str))
try:
    os.pathconf("/no/such/file", "PC_NAME_MAX")
except OSError as e:
    print(type(e).__name__, e)

top = tempfile.mkdtemp()
try:
    st = os.statvfs(top)
    print(type(st).__name__, st.f_bsize > 0, st.f_namemax >= 14, len(st))
    fd = os.open(top, os.O_RDONLY)
    print(os.fstatvfs(fd).f_frsize == st.f_frsize)
    os.close(fd)
    try:
        os.statvfs(os.path.join(top, "missing"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.strerror)

    # pread / pwrite / readv / writev / sendfile
    path = os.path.join(top, "data")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    print(os.writev(fd, [b"hello ", bytearray(b"vector "), memoryview(b"world")]))
    print(os.pread(fd, 6, 6), os.pwrite(fd, b"VECTOR", 6), os.pread(fd, 100, 0))
    os.lseek(fd, 0, 0)
    a, b = bytearray(5), bytearray(20)
    print(os.readv(fd, [a, b]), a, b)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
    os.lockf(fd, os.F_LOCK, 0)
    os.lockf(fd, os.F_ULOCK, 0)
    r, w = os.pipe()
    print(os.sendfile(w, fd, 0, 5), os.read(r, 5))
    os.close(r)
    os.close(w)
    print(os.get_inheritable(fd))
    os.set_inheritable(fd, True)
    print(os.get_inheritable(fd))
    fd2 = os.dup2(fd, 50, inheritable=False)
    print(fd2, os.get_inheritable(50))
    os.close(50)
    os.close(fd)
    try:
        os.pread(fd, 1, 0)
    except OSError as e:
        print(type(e).__name__, e)

    # two-path errors name both files
    other = os.path.join(top, "other")
    open(other, "w").close()
    for f in (os.link, os.symlink, os.rename):
        try:
            f(os.path.join(top, "nope"), other)
        except OSError as e:
            print(f.__name__, type(e).__name__, e.errno,
                  os.path.basename(e.filename), os.path.basename(e.filename2))
    try:
        os.link(path, other)
    except FileExistsError as e:
        print(str(e).replace(top, "T"))

    # dir_fd functions, fwalk, rmtree's fd path
    for group in (os.supports_dir_fd, os.supports_fd,
                  os.supports_follow_symlinks, os.supports_effective_ids):
        # (pyvm's execve does not take a descriptor)
        print(sorted(f.__name__ for f in group if f.__name__ != "execve"))
    print({os.open, os.stat, os.unlink, os.rmdir} <= os.supports_dir_fd,
          os.scandir in os.supports_fd, shutil._use_fd_functions)
    dfd = os.open(top, os.O_RDONLY)
    os.mkdir("sub", dir_fd=dfd)
    nfd = os.open("sub/new", os.O_CREAT | os.O_WRONLY, dir_fd=dfd)
    os.write(nfd, b"abc")
    os.close(nfd)
    print(os.stat("sub/new", dir_fd=dfd).st_size)
    os.symlink("data", os.path.join(top, "link"))
    print(os.stat("link", dir_fd=dfd, follow_symlinks=False).st_size
          != os.stat("link", dir_fd=dfd).st_size)
    os.rename("sub/new", "sub/renamed", src_dir_fd=dfd, dst_dir_fd=dfd)
    print(sorted(os.listdir(dfd)), sorted(e.name for e in os.scandir(dfd)))
    print([(e.name, e.is_dir(), e.is_symlink()) for e in
           sorted(os.scandir(dfd), key=lambda e: e.name)])
    for root, dirs, files, rootfd in os.fwalk(top):
        print(os.path.relpath(root, top), sorted(dirs), sorted(files),
              isinstance(rootfd, int))
    print(os.access("sub/renamed", os.R_OK, dir_fd=dfd),
          os.access("sub/nothing", os.F_OK, dir_fd=dfd, effective_ids=True))
    os.chmod("sub/renamed", 0o640, dir_fd=dfd)
    print(oct(os.stat("sub/renamed", dir_fd=dfd).st_mode & 0o777))
    os.utime("sub/renamed", (1, 2), dir_fd=dfd)
    print(os.stat("sub/renamed", dir_fd=dfd).st_mtime)
    os.symlink("renamed", "sub/sl", dir_fd=dfd)
    print(os.readlink("sub/sl", dir_fd=dfd))
    os.link("sub/renamed", "sub/hard", src_dir_fd=dfd, dst_dir_fd=dfd)
    print(os.stat("sub/hard", dir_fd=dfd).st_nlink)
    os.mkfifo("sub/fifo", dir_fd=dfd)
    os.mknod("sub/fifo2", 0o600 | 0o10000, dir_fd=dfd)
    print(sorted(os.listdir(os.path.join(top, "sub"))))
    for n in ("sl", "hard", "fifo", "fifo2"):
        os.unlink("sub/" + n, dir_fd=dfd)
    os.unlink("sub/renamed", dir_fd=dfd)
    os.rmdir("sub", dir_fd=dfd)
    try:
        os.unlink("sub", dir_fd=dfd)
    except FileNotFoundError as e:
        print("FileNotFoundError", e.filename)
    try:
        os.stat("x", dir_fd="3")
    except TypeError as e:
        print("TypeError", e)
    os.close(dfd)
    os.makedirs(os.path.join(top, "a", "b", "c"))
    open(os.path.join(top, "a", "b", "f"), "w").close()
    shutil.rmtree(os.path.join(top, "a"))
    print(sorted(os.listdir(top)))
finally:
    shutil.rmtree(top)
print(os.path.exists(top))

# processes: wait3/wait4, priorities, affinity, load
pid = os.fork()
if pid == 0:
    os._exit(3)
p, status, ru = os.wait4(pid, 0)
print(p == pid, os.waitstatus_to_exitcode(status), type(ru).__name__, ru.ru_utime >= 0)
pid = os.fork()
if pid == 0:
    os._exit(0)
p, status, ru = os.wait3(0)
print(p == pid, status)
print(os.getpriority(os.PRIO_PROCESS, 0) == os.nice(0))
cpus = os.sched_getaffinity(0)
print(type(cpus).__name__, len(cpus) >= 1, len(cpus) <= os.cpu_count())
la = os.getloadavg()
print(len(la), all(isinstance(x, float) for x in la))
t = os.times()
print(type(t).__name__, t.elapsed > 0)
print(os.uname().sysname, os.getsid(0) == os.getsid(os.getpid()))
print(os.major(os.makedev(8, 1)), os.minor(os.makedev(8, 1)))
print(len(os.getrandom(7)), os.getpgid(0) == os.getpgrp())
print(os.EX_SOFTWARE, os.P_ALL, os.WEXITED, os.O_ACCMODE, os.error is OSError)
