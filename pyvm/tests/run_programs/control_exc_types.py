e = OSError(2, 'No such file', 'f.txt')
print(type(e).__name__, str(e), repr(e), e.errno, e.strerror, e.filename)
print(StopIteration(5).value, SystemExit(3).code)
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3)])])
except* ValueError as e:
    print("caught", repr(e))
except* TypeError as e:
    print("caught T", repr(e))
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
print(eg.split(ValueError))
print(eg.subgroup(lambda e: isinstance(e, TypeError)))
print(str(eg), eg.exceptions, eg.message)
try:
    1/0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_next)
e = ValueError("x")
e.add_note("hello")
print(e.__notes__)
print(issubclass(ExceptionGroup, Exception), ExceptionGroup.__mro__)
print(IOError is OSError, FileNotFoundError.__mro__)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("v")
except ExceptionGroup as g:
    print("rest", repr(g))
for args in [(1,), (1, 2, 3, 4, 5, 6), ()]:
    e = OSError(*args)
    print(repr(e), str(e), e.errno, e.args)
print(type(OSError(13, "denied")).__name__, type(OSError(17, "x")).__name__)
try:
    ValueError(x=1)
except TypeError as e:
    print(e)
for bad in [("m",), (1, []), ("a", 1), ("a", []), ("a", [1])]:
    try:
        BaseExceptionGroup(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
print(type(BaseExceptionGroup("m", [KeyboardInterrupt()])).__name__)
e = ImportError("no", name="mod", path="/p")
print(e.name, e.path, e.msg, str(e))
print(issubclass(UnicodeDecodeError, ValueError), issubclass(TabError, SyntaxError))
print(issubclass(DeprecationWarning, Warning), issubclass(StopAsyncIteration, Exception))
try:
    raise ValueError("inner")
except ValueError as e:
    try:
        raise KeyError("k") from None
    except KeyError as k:
        print(k.__cause__, k.__suppress_context__, repr(k.__context__))
e = ValueError(1)
e.__cause__ = TypeError(2)
print(e.__suppress_context__, repr(e.__cause__))
e.args = (3, 4)
print(e.args, str(e))
def f():
    raise ValueError("deep")
def g():
    f()
try:
    g()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
e = ValueError("with notes")
e.add_note("note one")
e.add_note("note two")
raise e
