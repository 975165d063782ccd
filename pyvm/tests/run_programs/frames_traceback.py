# gc-stress-interval: 200
# The traceback module over frame objects: formatted tracebacks with source
# lines and carets, extracted stacks, walking tracebacks and stacks.
import io
import sys
import traceback


def inner(value):
    raise ValueError(f"bad value {value}")


def middle(value):
    result = inner(value)
    return result


def outer():
    middle(42)


def here(text):
    return text.replace(__file__, "FILE")


try:
    outer()
except ValueError as e:
    err = e
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(here(buf.getvalue()), end="")
    print("exc_info tb:", sys.exc_info()[2] is e.__traceback__)

print("--- format_exception")
print(here("".join(traceback.format_exception(err))), end="")
print("--- format_exception_only", traceback.format_exception_only(type(err), err))
print("--- TracebackException")
te = traceback.TracebackException.from_exception(err)
print(here("".join(te.format())), end="")
print("--- extract_tb")
for fs in traceback.extract_tb(err.__traceback__):
    print(fs.name, fs.lineno, repr(fs.line), fs.filename == __file__)
print("--- walk_tb")
print([(f.f_code.co_name, line) for f, line in traceback.walk_tb(err.__traceback__)])
tb = err.__traceback__
print("tb fields:", tb.tb_lineno, isinstance(tb.tb_lasti, int), tb.tb_frame is sys._getframe())
print("tb_next frame back:", tb.tb_next.tb_frame.f_back is tb.tb_frame)


def stack_here():
    return traceback.extract_stack()


def call_stack():
    return stack_here()


print("--- extract_stack")
for fs in call_stack():
    print(fs.name, fs.lineno, fs.line)
print("--- walk_stack")
def walker():
    return [(f.f_code.co_name, n) for f, n in traceback.walk_stack(None)]
print(walker())
print("--- format_stack / print_stack")
def fmt():
    return "".join(traceback.format_stack(limit=2))
print(here(fmt()), end="")
buf = io.StringIO()
traceback.print_stack(sys._getframe(), limit=1, file=buf)
print(here(buf.getvalue()), end="")

print("--- chained")
def convert(d):
    try:
        return d.pop("missing")
    except KeyError as k:
        raise RuntimeError("lookup failed") from k


try:
    convert({})
except RuntimeError as e:
    print(here("".join(traceback.format_exception(e))), end="")

print("--- context")
try:
    try:
        raise OSError("first")
    except OSError:
        raise TypeError("second")
except TypeError as e:
    print(here("".join(traceback.format_exception(e))), end="")

print("--- locals")
def with_locals(n):
    word = "text"
    raise IndexError(n)


try:
    with_locals(7)
except IndexError as e:
    te = traceback.TracebackException.from_exception(e, limit=-1, capture_locals=True)
    print(here("".join(te.format())), end="")

print("--- clear_frames")
traceback.clear_frames(err.__traceback__)
print([f.f_locals for f, _ in traceback.walk_tb(err.__traceback__)][1:])
