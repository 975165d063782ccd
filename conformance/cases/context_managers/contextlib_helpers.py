# contextlib: contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout.
import contextlib
import io
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print("handled inside", e)
    finally:
        print(f"</{name}>")
with tag("b") as t:
    print("content", t)
with tag("i"):
    raise ValueError("inside tag")
with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
class Thing:
    def close(self):
        print("thing closed")
with contextlib.closing(Thing()):
    print("using thing")
with contextlib.nullcontext(42) as n:
    print("nullcontext gives", n)
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(x)) for x in "xy"]
    stack.callback(print, "callback runs first (LIFO)")
    print("stack entered", names)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print("buffer:", repr(buf.getvalue()))
@contextlib.contextmanager
def bad():
    yield
    yield
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
