# pyvm's _csv: the CSV reader and writer behind the csv module, written
# for pyvm from the documented behaviour of CPython's _csv (dialect
# validation, the reader's state machine, the writer's quoting rules).
# Executed in the namespace of the native module `_csv`.

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)


class Error(Exception):
    pass


Error.__module__ = "_csv"

_dialects = {}
_field_limit = 128 * 1024


def _char(name, value, default, allow_none):
    if value is _unset:
        return default
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise TypeError('"%s" must be string, not %s'
                        % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


def _flag(value, default):
    if value is _unset:
        return default
    return bool(value)


_unset = object()
_ATTRS = ("delimiter", "doublequote", "escapechar", "lineterminator",
          "quotechar", "quoting", "skipinitialspace", "strict")


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""

    __slots__ = ("_delimiter", "_doublequote", "_escapechar",
                 "_lineterminator", "_quotechar", "_quoting",
                 "_skipinitialspace", "_strict")

    def __new__(cls, dialect=None, **kwargs):
        for k in kwargs:
            if k not in _ATTRS:
                raise TypeError(
                    "'%s' is an invalid keyword argument for this function"
                    % k)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            if (not kwargs and type(dialect) is Dialect
                    and cls is Dialect):
                return dialect
        values = {}
        for name in _ATTRS:
            if name in kwargs:
                values[name] = kwargs[name]
            elif dialect is not None and hasattr(dialect, name):
                values[name] = getattr(dialect, name)
            else:
                values[name] = _unset
        self = object.__new__(cls)
        quoting = values["quoting"]
        if quoting is _unset:
            # No quotechar and no explicit quoting means no quoting.
            quoting = QUOTE_NONE if values["quotechar"] is None \
                else QUOTE_MINIMAL
        elif not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC,
                           QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        delimiter = _char("delimiter", values["delimiter"], ",", False)
        escapechar = _char("escapechar", values["escapechar"], None, True)
        quotechar = _char("quotechar", values["quotechar"], '"', True)
        lineterminator = values["lineterminator"]
        if lineterminator is _unset:
            lineterminator = "\r\n"
        elif not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        if quotechar is None and quoting != QUOTE_NONE:
            raise TypeError("quotechar must be set if quoting enabled")
        if len(lineterminator) == 0:
            raise ValueError("lineterminator must be set")
        self._delimiter = delimiter
        self._doublequote = _flag(values["doublequote"], True)
        self._escapechar = escapechar
        self._lineterminator = lineterminator
        self._quotechar = quotechar
        self._quoting = quoting
        self._skipinitialspace = _flag(values["skipinitialspace"], False)
        self._strict = _flag(values["strict"], False)
        return self

    delimiter = property(lambda self: self._delimiter)
    doublequote = property(lambda self: self._doublequote)
    escapechar = property(lambda self: self._escapechar)
    lineterminator = property(lambda self: self._lineterminator)
    quotechar = property(lambda self: self._quotechar)
    quoting = property(lambda self: self._quoting)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    strict = property(lambda self: self._strict)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.Dialect' instances")


Dialect.__module__ = "_csv"


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def list_dialects():
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    global _field_limit
    if kwargs:
        if len(kwargs) > 1 or "new_limit" not in kwargs or args:
            raise TypeError("field_size_limit() takes at most 1 argument")
        args = (kwargs["new_limit"],)
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d"
                        % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


# Reader states (the state machine itself is native: _parse, in
# modules/csv_parse.rs, runs one line at a time).
(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL,
 _AFTER_ESCAPED_CRNL) = range(9)


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    def __init__(self, iterable, dialect, fmtparams):
        self._iter = iter(iterable)
        self.dialect = Dialect(dialect, **fmtparams)
        self.line_num = 0
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._numeric = False

    def __iter__(self):
        return self

    def _save_field(self):
        field = "".join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            field = float(field)
        self._fields.append(field)

    def _fast_fields(self, line):
        # A line with nothing to unquote or unescape is split at once.
        d = self.dialect
        if (self._state != _START_RECORD or d._skipinitialspace
                or d._escapechar is not None
                or d._quoting == QUOTE_NONNUMERIC):
            return None
        body = line.rstrip("\r\n")
        if "\r" in body or "\n" in body:
            return None
        if d._quoting != QUOTE_NONE and d._quotechar in body:
            return None
        if not body:
            return []
        fields = body.split(d._delimiter)
        for f in fields:
            if len(f) > _field_limit:
                return None
        return fields

    def __next__(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._numeric = False
        while True:
            try:
                line = next(self._iter)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self.dialect._strict:
                        raise Error("unexpected end of data") from None
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s "
                            "(the file should be opened in text mode)"
                            % type(line).__name__)
            self.line_num += 1
            fields = self._fast_fields(line)
            if fields is not None:
                return fields
            d = self.dialect
            self._state, field, self._numeric = _parse(
                line, self._fields, "".join(self._field), self._state,
                self._numeric, d._delimiter, d._quotechar, d._escapechar,
                d._doublequote, d._skipinitialspace, d._strict, d._quoting,
                _field_limit)
            self._field = [field] if field else []
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields


Reader.__name__ = Reader.__qualname__ = "reader"
Reader.__module__ = "_csv"


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    def __init__(self, fileobj, dialect, fmtparams):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = Dialect(dialect, **fmtparams)

    def _field(self, out, field, quoted, first):
        d = self.dialect
        if not first:
            out.append(d._delimiter)
        text = []
        for c in field:
            want_escape = False
            if (c == d._delimiter or c == d._escapechar or c == d._quotechar
                    or c in d._lineterminator or c == "\n" or c == "\r"):
                if d._quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d._quotechar:
                        if d._doublequote:
                            text.append(c)
                        else:
                            want_escape = True
                    elif c == d._escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d._escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    text.append(d._escapechar)
            text.append(c)
        if quoted:
            out.append(d._quotechar)
            out.extend(text)
            out.append(d._quotechar)
        else:
            out.extend(text)

    def writerow(self, row):
        d = self.dialect
        try:
            fields = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s"
                        % type(row).__name__) from None
        out = []
        n = 0
        for field in fields:
            if d._quoting == QUOTE_NONNUMERIC:
                quoted = not isinstance(field, (int, float, complex))
            else:
                quoted = d._quoting == QUOTE_ALL
            if field is None:
                text = ""
            elif isinstance(field, str):
                text = field
            else:
                text = str(field)
            self._field(out, text, quoted, n == 0)
            n += 1
        if n == 1 and not out:
            if d._quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            out.append(d._quotechar * 2)
        out.append(d._lineterminator)
        return self._write("".join(out))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


Writer.__name__ = Writer.__qualname__ = "writer"
Writer.__module__ = "_csv"


def reader(iterable, dialect=None, **fmtparams):
    """csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)"""
    return Reader(iterable, dialect, fmtparams)


def writer(fileobj, dialect=None, **fmtparams):
    """csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)"""
    return Writer(fileobj, dialect, fmtparams)

