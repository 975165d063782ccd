# breakpoint() calls sys.breakpointhook with its arguments; PYTHONBREAKPOINT=0 disables the default hook.
import os, sys
calls = []
def hook(*args, **kwargs):
    calls.append((args, kwargs))
    return "hook result"
sys.breakpointhook = hook
print("breakpoint returns hook result:", breakpoint(), breakpoint(1, key="v"))
print("hook calls:", calls)
sys.breakpointhook = sys.__breakpointhook__
os.environ["PYTHONBREAKPOINT"] = "0"
print("disabled default hook returns:", breakpoint())
os.environ["PYTHONBREAKPOINT"] = "builtins.len"
print("PYTHONBREAKPOINT naming a callable:", breakpoint("abcd"))
os.environ["PYTHONBREAKPOINT"] = "no_such_module_xyz.func"
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = breakpoint()
print("unimportable hook warns and returns None:", r, [x.category.__name__ for x in w])
del os.environ["PYTHONBREAKPOINT"]
sys.breakpointhook = None
try:
    breakpoint()
except TypeError as e:
    print("non-callable hook:", e)
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("missing hook:", e)
