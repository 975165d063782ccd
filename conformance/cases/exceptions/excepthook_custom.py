# sys.excepthook replaces the default printing of uncaught exceptions.
import sys
def hook(exc_type, exc, tb):
    print(f"custom hook: {exc_type.__name__}: {exc}")
    print("traceback frames:", len(__import__("traceback").extract_tb(tb)))
sys.excepthook = hook
def fail():
    raise LookupError("handled by the hook")
print("before")
fail()
