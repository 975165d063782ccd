# traceback.format_exception renders exception groups as trees; paths reduced to names.
import os
import traceback
def norm(text):
    return text.replace(os.path.abspath(__file__), os.path.basename(__file__))
try:
    raise ExceptionGroup("outer", [ValueError("v1"), ExceptionGroup("inner", [KeyError("k")])])
except ExceptionGroup as eg:
    print(norm("".join(traceback.format_exception(eg))), end="")
te = traceback.TracebackException.from_exception(ValueError("plain"))
print(list(te.format_exception_only()))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
except KeyError as e:
    out = traceback.format_exception(e)
    print(sum("During handling of the above exception" in part for part in out), len(out) > 4)
    print(traceback.format_exception(e, chain=False)[-1], end="")
