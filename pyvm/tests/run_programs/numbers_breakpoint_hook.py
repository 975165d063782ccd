# gc-stress-interval: 200
# breakpoint() and sys.breakpointhook with $PYTHONBREAKPOINT.
import os
import sys
import warnings

calls = []
def hook(*args, **kwargs):
    calls.append((args, kwargs))
    return "hooked"
sys.breakpointhook = hook
print(breakpoint(), breakpoint(1, key="v"), calls)
sys.breakpointhook = sys.__breakpointhook__
os.environ["PYTHONBREAKPOINT"] = "0"
print("disabled:", breakpoint())
os.environ["PYTHONBREAKPOINT"] = "len"
print("builtin by name:", breakpoint("abcd"))
os.environ["PYTHONBREAKPOINT"] = "os.path.join"
print("dotted name:", breakpoint("a", "b"), sys.breakpointhook("c", "d"))
for name in ["no_such_module_xyz.func", "os.no_such_function"]:
    os.environ["PYTHONBREAKPOINT"] = name
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = breakpoint()
    print(r, [(x.category.__name__, str(x.message)) for x in w])
del os.environ["PYTHONBREAKPOINT"]
sys.breakpointhook = None
try:
    breakpoint()
except TypeError as e:
    print(e)
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(e)
