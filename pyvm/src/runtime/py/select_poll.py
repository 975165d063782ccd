# pyvm's select.poll: the registrations live in a dict; one native call
# (_poll) does the waiting. Run once when `select` is first imported, in
# a namespace of its own; `select`'s init then adds _poll and the POLL*
# constants to that namespace.


def _fileno(fd):
    if not isinstance(fd, int):
        try:
            fileno = fd.fileno
        except AttributeError:
            raise TypeError(
                "argument must be an int, or have a fileno() method.") from None
        fd = fileno()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError(
            f"file descriptor cannot be a negative integer ({fd})")
    return fd


class poll:
    """Returns a polling object.

    This object supports registering and unregistering file descriptors,
    and then polling them for I/O events."""

    __slots__ = ("_fds",)

    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=None):
        if eventmask is None:
            eventmask = POLLIN | POLLPRI | POLLOUT
        self._fds[_fileno(fd)] = eventmask

    def modify(self, fd, eventmask):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, "No such file or directory")
        self._fds[fd] = eventmask

    def unregister(self, fd):
        del self._fds[_fileno(fd)]

    def poll(self, timeout=None):
        if timeout is None:
            ms = -1
        else:
            if not isinstance(timeout, (int, float)):
                raise TypeError(
                    "'%s' object cannot be interpreted as an integer"
                    % type(timeout).__name__)
            ms = int(timeout)
            if ms < timeout:
                ms += 1
            if ms < 0:
                ms = -1
        return _poll(list(self._fds.items()), ms)


poll.__module__ = "select"
