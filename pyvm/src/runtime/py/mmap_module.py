# pyvm's mmap.mmap: position, access mode and CPython's checks and errors
# over the mapping natives of modules/mmap.rs (a mapping is named by a
# handle; the natives bounds-check every access). Run once in the mmap
# module's namespace when it is first imported.

_access_names = ("ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY")


def _index(v, what):
    try:
        return v.__index__()
    except AttributeError:
        raise TypeError(
            f"'{type(v).__name__}' object cannot be interpreted as an integer"
        ) from None


def _buf(data):
    if data.__class__ is bytes:
        return data
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError(
            f"a bytes-like object is required, not '{type(data).__name__}'"
        ) from None


class mmap:
    """Windows: mmap(fileno, length[, tagname[, access[, offset]]])

Maps length bytes from the file specified by the file handle fileno,
and returns a mmap object.  If length is larger than the current size
of the file, the file is extended to contain length bytes.  If length
is 0, the maximum length of the map is the current size of the file,
except that if the file is empty Windows raises an exception (you cannot
create an empty mapping on Windows).

Unix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])

Maps length bytes from the file specified by the file descriptor fileno,
and returns a mmap object.  If length is 0, the maximum length of the map
will be the current size of the file when mmap is called.
flags specifies the nature of the mapping. MAP_PRIVATE creates a
private copy-on-write mapping, so changes to the contents of the mmap
object will be private to this process, and MAP_SHARED creates a mapping
that's shared with all other processes mapping the same areas of the file.
The default value is MAP_SHARED.

To map anonymous memory, pass -1 as the fileno (both versions)."""

    __slots__ = ("_h", "_len", "_pos", "_access", "_offset", "__weakref__")

    def __new__(cls, fileno, length, flags=MAP_SHARED,
                prot=PROT_WRITE | PROT_READ, access=ACCESS_DEFAULT, offset=0):
        fileno = _index(fileno, "fileno")
        length = _index(length, "length")
        flags = _index(flags, "flags")
        prot = _index(prot, "prot")
        access = _index(access, "access")
        offset = _index(offset, "offset")
        if length < 0:
            raise OverflowError("memory mapped length must be positive")
        if offset < 0:
            raise OverflowError("memory mapped offset must be positive")
        if access != ACCESS_DEFAULT and (
                flags != MAP_SHARED or prot != (PROT_WRITE | PROT_READ)):
            raise ValueError("mmap can't specify both access and flags, prot.")
        if access == ACCESS_READ:
            flags, prot = MAP_SHARED, PROT_READ
        elif access == ACCESS_WRITE:
            flags, prot = MAP_SHARED, PROT_READ | PROT_WRITE
        elif access == ACCESS_COPY:
            flags, prot = MAP_PRIVATE, PROT_READ | PROT_WRITE
        elif access == ACCESS_DEFAULT:
            if (prot & PROT_READ) and (prot & PROT_WRITE):
                pass
            elif prot & PROT_WRITE:
                access = ACCESS_WRITE
            else:
                access = ACCESS_READ
        else:
            raise ValueError("mmap invalid access parameter.")
        self = object.__new__(cls)
        self._h = None
        self._h, self._len = _map(fileno, length, flags, prot, offset)
        self._pos = 0
        self._access = access
        self._offset = offset
        return self

    def _valid(self):
        h = self._h
        if h is None:
            raise ValueError("mmap closed or invalid")
        return h

    def _writable(self):
        if self._access == ACCESS_READ:
            raise TypeError("mmap can't modify a readonly memory map.")

    @property
    def closed(self):
        return self._h is None

    def close(self):
        h = self._h
        if h is not None:
            self._h = None
            _close(h)

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __enter__(self):
        self._valid()
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        name = f"{type(self).__module__}.{type(self).__qualname__}"
        if self._h is None:
            return f"<{name} closed=True>"
        return (f"<{name} closed=False, access={_access_names[self._access]}, "
                f"length={self._len}, pos={self._pos}, offset={self._offset}>")

    def __reduce_ex__(self, protocol):
        raise TypeError(f"cannot pickle '{type(self).__module__}.mmap' object")

    def __len__(self):
        self._valid()
        return self._len

    def __getitem__(self, item):
        h = self._valid()
        if isinstance(item, slice):
            start, stop, step = item.indices(self._len)
            if step == 1:
                return _get(h, start, stop) if stop > start else b""
            data = _get(h, 0, self._len)
            return data[start:stop:step]
        if not hasattr(type(item), "__index__"):
            raise TypeError("mmap indices must be integers")
        i = item.__index__()
        if i < 0:
            i += self._len
        if i < 0 or i >= self._len:
            raise IndexError("mmap index out of range")
        return _get(h, i, i + 1)[0]

    def __setitem__(self, item, value):
        h = self._valid()
        self._writable()
        if isinstance(item, slice):
            start, stop, step = item.indices(self._len)
            data = _buf(value)
            n = len(range(start, stop, step))
            if len(data) != n:
                raise IndexError("mmap slice assignment is wrong size")
            if step == 1:
                if n:
                    _set(h, start, data)
            else:
                for i, b in zip(range(start, stop, step), data):
                    _set(h, i, bytes((b,)))
            return
        if not hasattr(type(item), "__index__"):
            raise TypeError("mmap indices must be integer")
        i = item.__index__()
        if i < 0:
            i += self._len
        if i < 0 or i >= self._len:
            raise IndexError("mmap index out of range")
        if not isinstance(value, int):
            raise TypeError("mmap item value must be an int")
        if not 0 <= value < 256:
            raise ValueError("mmap item value must be in range(0, 256)")
        _set(h, i, bytes((value,)))

    def __delitem__(self, item):
        raise TypeError("mmap doesn't support item deletion")

    def __iter__(self):
        h = self._valid()
        for i in range(self._len):
            yield _get(h, i, i + 1)

    def __bytes__(self):
        return _get(self._valid(), 0, self._len)

    def _bounds(self, start, end):
        n = self._len
        start = self._pos if start is None else _index(start, "start")
        end = n if end is None else _index(end, "end")
        if start < 0:
            start = max(start + n, 0)
        elif start > n:
            start = n
        if end < 0:
            end = max(end + n, 0)
        elif end > n:
            end = n
        return start, end

    def find(self, sub, start=None, end=None):
        h = self._valid()
        start, end = self._bounds(start, end)
        return _find(h, sub, start, end, False)

    def rfind(self, sub, start=None, end=None):
        h = self._valid()
        start, end = self._bounds(start, end)
        return _find(h, sub, start, end, True)

    def flush(self, offset=0, size=None):
        h = self._valid()
        if size is None:
            size = self._len - offset
        if size < 0 or offset < 0 or self._len - offset < size:
            raise ValueError("flush values out of range")
        if self._access in (ACCESS_READ, ACCESS_COPY):
            return None
        _flush(h, offset, size)

    def madvise(self, option, start=0, length=None):
        h = self._valid()
        if start < 0 or start >= self._len:
            raise ValueError("madvise start out of bounds")
        if length is None:
            length = self._len
        if length < 0:
            raise ValueError("madvise length invalid")
        _madvise(h, option, start, min(length, self._len - start))

    def move(self, dest, src, count):
        h = self._valid()
        self._writable()
        n = self._len
        if (dest < 0 or src < 0 or count < 0 or n - dest < count
                or n - src < count):
            raise ValueError("source, destination, or count out of range")
        _move(h, dest, src, count)

    def read(self, n=None):
        h = self._valid()
        remaining = self._len - self._pos if self._pos < self._len else 0
        if n is None:
            n = remaining
        else:
            n = _index(n, "n")
            if n < 0 or n > remaining:
                n = remaining
        data = _get(h, self._pos, self._pos + n)
        self._pos += n
        return data

    def read_byte(self):
        h = self._valid()
        if self._pos >= self._len:
            raise ValueError("read byte out of range")
        b = _get(h, self._pos, self._pos + 1)[0]
        self._pos += 1
        return b

    def readline(self):
        h = self._valid()
        if self._pos >= self._len:
            return b""
        nl = _find(h, b"\n", self._pos, self._len, False)
        end = self._len if nl < 0 else nl + 1
        data = _get(h, self._pos, end)
        self._pos = end
        return data

    def resize(self, newsize):
        h = self._valid()
        if self._access not in (ACCESS_WRITE, ACCESS_DEFAULT):
            raise TypeError(
                "mmap can't resize a readonly or copy-on-write memory map.")
        newsize = _index(newsize, "newsize")
        if newsize < 0:
            raise ValueError("new size out of range")
        _resize(h, newsize)
        self._len = newsize
        if self._pos > newsize:
            self._pos = newsize

    def seek(self, pos, whence=0):
        self._valid()
        pos = _index(pos, "pos")
        if whence == 0:
            where = pos
        elif whence == 1:
            where = self._pos + pos
        elif whence == 2:
            where = self._len + pos
        else:
            raise ValueError("unknown seek type")
        if where > self._len or where < 0:
            raise ValueError("seek out of range")
        self._pos = where

    def size(self):
        return _size(self._valid())

    def tell(self):
        self._valid()
        return self._pos

    def write(self, data):
        h = self._valid()
        self._writable()
        data = _buf(data)
        if self._pos > self._len or self._len - self._pos < len(data):
            raise ValueError("data out of range")
        _set(h, self._pos, data)
        self._pos += len(data)
        return len(data)

    def write_byte(self, byte):
        h = self._valid()
        self._writable()
        if not isinstance(byte, int):
            raise TypeError(
                f"'{type(byte).__name__}' object cannot be interpreted as an integer")
        if not 0 <= byte < 256:
            raise OverflowError("unsigned byte integer is greater than maximum"
                                if byte > 0 else
                                "unsigned byte integer is less than minimum")
        if self._pos >= self._len:
            raise ValueError("write byte out of range")
        _set(h, self._pos, bytes((byte,)))
        self._pos += 1


mmap.__module__ = "mmap"
