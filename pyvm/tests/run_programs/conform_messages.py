# CPython's wording for a set of errors.


class K:
    def __repr__(self):
        return "K()"

    def __hash__(self):
        return 1


class It:
    def __iter__(self):
        return iter([1, 2])


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


attempt("format(True, 's')", lambda: format(True, "s"))
attempt("format(True, 'x')", lambda: format(True, "x"))
attempt("format(5, 's')", lambda: format(5, "s"))
attempt("__import__(5)", lambda: __import__(5))
attempt("__import__(b'os')", lambda: __import__(b"os"))
attempt("issubclass(int, 1)", lambda: issubclass(int, 1))
attempt("isinstance(1, 1)", lambda: isinstance(1, 1))
attempt("type('X', (1,), {})", lambda: type("X", (1,), {}))
attempt("bytes(object())", lambda: bytes(object()))
attempt("bytearray(object())", lambda: bytearray(object()))
attempt("bytes(It())", lambda: bytes(It()))
attempt("bytes(1.5)", lambda: bytes(1.5))
attempt("{}[K()]", lambda: {}[K()])
attempt("str(KeyError(K()))", lambda: str(KeyError(K())))
attempt("repr(KeyError(K()))", lambda: repr(KeyError(K())))


class Frozen:
    __slots__ = ()
    count = 0

    def m(self):
        pass


fz = Frozen()
attempt("fz.count = 1", lambda: setattr(fz, "count", 1))
attempt("del fz.count", lambda: delattr(fz, "count"))
attempt("fz.m = 1", lambda: setattr(fz, "m", 1))
attempt("fz.zz = 1", lambda: setattr(fz, "zz", 1))
attempt("[].append = 1", lambda: setattr([], "append", 1))
attempt("del [].append", lambda: delattr([], "append"))
attempt("[].zz = 1", lambda: setattr([], "zz", 1))


class ValidationError(Exception):
    def __init__(self, field):
        super().__init__(field)
        self.field = field

    def __str__(self):
        return f"field {self.field!r} is invalid"


raise ValidationError("email")
