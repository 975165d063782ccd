# pyvm's termios: argument checks and termios.error over the natives of
# modules/termios.rs (which return the errno, an int, on failure). Run
# once in the module's namespace when it is first imported.


class error(Exception):
    pass


error.__module__ = "termios"


def _fd(fd):
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


def _check(r):
    if r.__class__ is int:
        import os
        raise error(r, os.strerror(r))
    return r


def tcgetattr(fd, /):
    """Get the tty attributes for file descriptor fd.

    Returns a list [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]."""
    return _check(_tcgetattr(_fd(fd)))


def tcsetattr(fd, when, attributes, /):
    """Set the tty attributes for file descriptor fd."""
    fd = _fd(fd)
    if not isinstance(when, int):
        raise TypeError(
            f"'{type(when).__name__}' object cannot be interpreted as an integer")
    if not isinstance(attributes, list) or len(attributes) != 7:
        raise TypeError("tcsetattr, arg 3: must be 7 element list")
    iflag, oflag, cflag, lflag, ispeed, ospeed, cc = attributes
    if not isinstance(cc, list) or len(cc) != NCCS:
        raise TypeError(f"tcsetattr: attributes[6] must be {NCCS} element list")
    codes = []
    for c in cc:
        if isinstance(c, bytes) and len(c) == 1:
            codes.append(c[0])
        elif isinstance(c, int):
            codes.append(c)
        else:
            raise TypeError(
                "tcsetattr: elements of attributes must be characters or integers")
    for x in (iflag, oflag, cflag, lflag, ispeed, ospeed):
        if not isinstance(x, int):
            raise TypeError(
                f"'{type(x).__name__}' object cannot be interpreted as an integer")
    _check(_tcsetattr(fd, when, iflag, oflag, cflag, lflag, ispeed, ospeed,
                      codes))


def tcsendbreak(fd, duration, /):
    """Send a break on file descriptor fd."""
    _check(_tcsendbreak(_fd(fd), duration))


def tcdrain(fd, /):
    """Wait until all output written to file descriptor fd has been transmitted."""
    _check(_tcdrain(_fd(fd)))


def tcflush(fd, queue, /):
    """Discard queued data on file descriptor fd."""
    _check(_tcflush(_fd(fd), queue))


def tcflow(fd, action, /):
    """Suspend or resume input or output on file descriptor fd."""
    _check(_tcflow(_fd(fd), action))


def tcgetwinsize(fd, /):
    """Get the tty winsize for file descriptor fd: (ws_row, ws_col)."""
    return _check(_tcgetwinsize(_fd(fd)))


def tcsetwinsize(fd, winsize, /):
    """Set the tty winsize for file descriptor fd."""
    fd = _fd(fd)
    try:
        rows, cols = winsize
    except (TypeError, ValueError):
        raise TypeError(
            "tcsetwinsize, arg 2: must be a two-item sequence") from None
    _check(_tcsetwinsize(fd, int(rows), int(cols)))
