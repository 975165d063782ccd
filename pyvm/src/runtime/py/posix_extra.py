# pyvm's posix: the Python layer over the natives of modules/posix_sys.rs.
# Run once in the posix module's namespace when it is first imported: the
# natives named with a leading underscore return plain tuples and lists,
# these functions give them CPython's shape.


def statvfs(path):
    """Perform a statvfs system call on the given path."""
    return statvfs_result(_statvfs(path))


def fstatvfs(fd):
    """Perform an fstatvfs system call on the given fd."""
    if not isinstance(fd, int):
        raise TypeError(
            f"'{type(fd).__name__}' object cannot be interpreted as an integer")
    return statvfs_result(_statvfs(fd))


def pathconf(path, name):
    """Return the configuration limit name for the file or directory path."""
    return _fpathconf(path, name)


def fpathconf(fd, name):
    """Return the configuration limit name for the file descriptor fd."""
    return _fpathconf(fd, name)


def _rusage(fields):
    import resource
    return resource.struct_rusage(fields)


def wait3(options):
    """Wait for completion of a child process: (pid, status, rusage)."""
    pid, status, ru = _wait4(-1, options)
    return pid, status, _rusage(ru)


def wait4(pid, options):
    """Wait for completion of a given child process: (pid, status, rusage)."""
    pid, status, ru = _wait4(pid, options)
    return pid, status, _rusage(ru)


def sched_getaffinity(pid):
    """Return the affinity of the process identified by pid (0: this one)."""
    return set(_sched_getaffinity(pid))


def sched_setaffinity(pid, mask):
    """Set the CPU affinity of the process identified by pid to mask."""
    _sched_setaffinity(pid, mask)


def readv(fd, buffers):
    """Read from a file descriptor fd into an iterable of buffers."""
    try:
        buffers = list(buffers)
    except TypeError:
        raise TypeError("readv() arg 2 must be a sequence") from None
    views = [memoryview(b) for b in buffers]
    for v in views:
        if v.readonly:
            raise TypeError(
                "readv() arg 2 must be a sequence of writable buffers")
    data = _readv(fd, [v.nbytes for v in views])
    pos = 0
    for b, v in zip(buffers, views):
        if pos >= len(data):
            break
        chunk = data[pos:pos + v.nbytes]
        b[:len(chunk)] = chunk
        pos += len(chunk)
    return len(data)


def mknod(path, mode=0o600, device=0, *, dir_fd=None):
    """Create a node in the file system (file, device special file or named pipe)."""
    _mknod(path, mode, device, dir_fd)


def forkpty():
    """Fork a new process with a new pseudo-terminal as controlling tty.

    Returns a tuple of (pid, master_fd); in the child pid is 0 and the fd
    is invalid."""
    master_fd, slave_fd = openpty()
    pid = fork()
    if pid == 0:
        close(master_fd)
        login_tty(slave_fd)
        return 0, -1
    close(slave_fd)
    return pid, master_fd
