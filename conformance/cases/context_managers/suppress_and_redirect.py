# contextlib.suppress with subclasses and groups; redirect_stderr; chdir.
import contextlib
import io
import os
import sys
import tempfile
with contextlib.suppress(LookupError):
    {}["missing"]
print("KeyError suppressed as a LookupError")
with contextlib.suppress():
    print("suppress() with no types suppresses nothing")
try:
    with contextlib.suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("ValueError:", e)
try:
    with contextlib.suppress(ValueError):
        raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
    print("group suppressed")
except ExceptionGroup as e:
    print("in 3.11 suppress() does not look inside groups:", repr(e))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print("captured stderr:", repr(err.getvalue()))
d = tempfile.mkdtemp()
before = os.getcwd()
with contextlib.chdir(d):
    print("inside temp dir:", os.path.samefile(os.getcwd(), d))
print("restored:", os.getcwd() == before)
os.rmdir(d)
