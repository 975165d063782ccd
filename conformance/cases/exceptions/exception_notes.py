# add_note() (PEP 678) and notes in formatted tracebacks.
import traceback
e = ValueError("with notes")
e.add_note("note one")
e.add_note("note two")
print(traceback.format_exception_only(type(e), e))
try:
    e.add_note(42)
except TypeError as err:
    print("TypeError:", err)
try:
    try:
        raise KeyError("k")
    except KeyError as err:
        err.add_note("context added by handler")
        raise
except KeyError as err:
    print(err.__notes__)
g = ExceptionGroup("grp", [ValueError("a")])
g.add_note("group note")
print(g.__notes__, hasattr(ValueError(), '__notes__'))
print("uncaught with note next")
x = TypeError("final")
x.add_note("this note comes after the message")
raise x
