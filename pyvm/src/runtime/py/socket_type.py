# pyvm's _socket.socket and the pieces of _socket that are plain logic.
# Run once in the namespace of the native module `_socket` when it is first
# imported: the natives it calls (_recv, _connect, ...) do one system call
# each on the descriptor (src/runtime/modules/socket.rs).


class gaierror(OSError):
    pass


class herror(OSError):
    pass


gaierror.__module__ = "socket"
herror.__module__ = "socket"

_defaulttimeout = None


def _timeout_value(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if not hasattr(type(value), "__index__") and not hasattr(
                type(value), "__float__"):
            raise TypeError(
                "'%s' object cannot be interpreted as an integer"
                % type(value).__name__)
        value = float(value)
    if value != value:
        raise ValueError("Invalid value NaN (not a number)")
    if value < 0:
        raise ValueError("Timeout value out of range")
    return float(value)


def getdefaulttimeout():
    """Returns the default timeout in seconds (float) for new socket objects.
A value of None indicates that new socket objects have no timeout.
When the socket module is first imported, the default is None."""
    return _defaulttimeout


def setdefaulttimeout(timeout):
    """Set the default timeout in seconds (float) for new socket objects.
A value of None indicates that new socket objects have no timeout.
When the socket module is first imported, the default is None."""
    global _defaulttimeout
    _defaulttimeout = _timeout_value(timeout)


def _int_arg(value):
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    try:
        index = type(value).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    return index(value)


class socket:
    """socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object
socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object

Open a socket of the given type.  The family argument specifies the
address family; it defaults to AF_INET.  The type argument specifies
whether this is a stream (SOCK_STREAM, this is the default)
or datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,
specifying the default protocol.  Keyword arguments are accepted.
The socket is created as non-inheritable.

When a fileno is passed in, family, type and proto are auto-detected,
unless they are explicitly set."""

    __slots__ = ("_fd", "_family", "_type", "_proto", "_timeout")

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        family = _int_arg(family)
        type = _int_arg(type)
        proto = _int_arg(proto)
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
            fd = _socket_new(family, type, proto)
        else:
            fd = _int_arg(fileno)
            if fd < 0:
                raise ValueError("negative file descriptor")
            if family == -1 or type == -1 or proto == -1:
                f, t, p = _sock_info(fd)
                if family == -1:
                    family = f
                if type == -1:
                    type = t
                if proto == -1:
                    proto = p
        self._fd = fd
        self._family = family
        self._type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
        self._proto = proto
        if type & SOCK_NONBLOCK:
            self._timeout = 0.0
        else:
            self._timeout = _defaulttimeout
            if _defaulttimeout is not None:
                _set_blocking(fd, False)

    @property
    def family(self):
        """the socket family"""
        return self._family

    @property
    def type(self):
        """the socket type"""
        return self._type

    @property
    def proto(self):
        """the socket protocol"""
        return self._proto

    @property
    def timeout(self):
        """the socket timeout"""
        return self._timeout

    def __repr__(self):
        return "<socket object, fd=%d, family=%d, type=%d, proto=%d>" % (
            self._fd, self._family, self._type, self._proto)

    def fileno(self):
        """Return the integer file descriptor of the socket."""
        return self._fd

    def close(self):
        """Close the socket.  It cannot be used after this call."""
        fd = self._fd
        if fd != -1:
            self._fd = -1
            close(fd)

    def detach(self):
        """Close the socket object without closing the underlying file
descriptor; return the descriptor."""
        fd = self._fd
        self._fd = -1
        return fd

    def _accept(self):
        """_accept() -> (integer, address info)"""
        return _accept(self._fd, self._family, self._timeout)

    def bind(self, address):
        """Bind the socket to a local address."""
        _bind(self._fd, self._family, address)

    def listen(self, backlog=min(SOMAXCONN, 128)):
        """Enable a server to accept connections."""
        _listen(self._fd, _int_arg(backlog))

    def connect(self, address):
        """Connect the socket to a remote address."""
        _connect(self._fd, self._family, address, self._timeout, True)

    def connect_ex(self, address):
        """Like connect(address), but return an error code instead of
raising an exception."""
        return _connect(self._fd, self._family, address, self._timeout, False)

    def send(self, data, flags=0):
        """Send a data string to the socket; return the number of bytes
sent."""
        return _send(self._fd, data, flags, self._timeout)

    def sendall(self, data, flags=0):
        """Send a data string to the socket until all of it is sent."""
        _sendall(self._fd, data, flags, self._timeout)

    def sendto(self, *args):
        """Like send(data, flags) but allows specifying the destination
address."""
        if len(args) == 2:
            data, address = args
            flags = 0
        elif len(args) == 3:
            data, flags, address = args
        else:
            raise TypeError("sendto() takes 2 or 3 arguments (%d given)"
                            % len(args))
        return _sendto(self._fd, self._family, data, flags, address,
                       self._timeout)

    def recv(self, bufsize, flags=0):
        """Receive up to buffersize bytes from the socket."""
        return _recv(self._fd, bufsize, flags, self._timeout)

    def recv_into(self, buffer, nbytes=0, flags=0):
        """A version of recv() that stores its data into a buffer."""
        return _recv_into(self._fd, buffer, nbytes, flags, self._timeout)

    def recvfrom(self, bufsize, flags=0):
        """Like recv(buffersize, flags) but also return the sender's
address info."""
        return _recvfrom(self._fd, self._family, bufsize, flags,
                         self._timeout)

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        """Like recv_into(buffer[, nbytes[, flags]]) but also return the
sender's address info."""
        return _recvfrom_into(self._fd, self._family, buffer, nbytes, flags,
                              self._timeout)

    def shutdown(self, how):
        """Shut down the reading side of the socket (flag == SHUT_RD), the
writing side of the socket (flag == SHUT_WR), or both ends
(flag == SHUT_RDWR)."""
        _shutdown(self._fd, _int_arg(how))

    def setblocking(self, flag):
        """Set the socket to blocking (flag is true) or non-blocking
(false)."""
        flag = bool(_int_arg(flag))
        self._timeout = None if flag else 0.0
        _set_blocking(self._fd, flag)

    def getblocking(self):
        """Returns True if socket is in blocking mode, or False if it
is in non-blocking mode."""
        return self._timeout != 0.0

    def settimeout(self, timeout):
        """Set a timeout on socket operations."""
        value = _timeout_value(timeout)
        self._timeout = value
        _set_blocking(self._fd, value is None)

    def gettimeout(self):
        """Returns the timeout in seconds (float) associated with socket
operations. A timeout of None indicates that timeouts on socket
operations are disabled."""
        return self._timeout

    def setsockopt(self, level, optname, value, optlen=None):
        """Set a socket option."""
        if value is None and optlen is None:
            raise TypeError("setsockopt() takes exactly 4 arguments (3 given)")
        _setsockopt(self._fd, level, optname, value, optlen)

    def getsockopt(self, level, optname, buflen=None):
        """Get a socket option."""
        return _getsockopt(self._fd, level, optname, buflen)

    def getsockname(self):
        """Return the address of the local endpoint."""
        return _getsockname(self._fd, self._family)

    def getpeername(self):
        """Return the address of the remote endpoint."""
        return _getpeername(self._fd, self._family)


SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """socketpair([family[, type [, proto]]]) -> (socket object, socket object)"""
    a, b = _socketpair(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)
