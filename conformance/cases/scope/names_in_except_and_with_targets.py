# Names bound by except-as, with-as, for, import and def inside functions are locals.
import sys
def f():
    try:
        raise ValueError("v")
    except ValueError as err:
        kept = err
    with open(__file__) as fh:
        pass
    for idx in range(2):
        pass
    import os as local_os
    def helper():
        return "helper"
    class Local:
        pass
    names = sorted(n for n in locals() if n != "err")
    return names, "err" in locals(), fh.closed, local_os.sep == "/"
print(f())
def g():
    print(sys.version_info[0] >= 3)
    if False:
        import sys
try:
    g()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
