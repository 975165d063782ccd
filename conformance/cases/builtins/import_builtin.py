# __import__ and importlib.import_module basics with stdlib modules.
m = __import__("math")
print("__import__:", m.__name__, m.sqrt(16))
pkg = __import__("os.path")
print("dotted __import__ returns top package:", pkg.__name__)
leaf = __import__("os.path", fromlist=["join"])
print("fromlist returns leaf:", leaf.__name__ in ("posixpath", "ntpath"))
import importlib
j = importlib.import_module("json")
print("import_module:", j.dumps({"a": [1, 2]}))
print("same module object:", importlib.import_module("math") is m)
import sys
print("in sys.modules:", "json" in sys.modules)
for label, fn in [
    ("__import__('no_such_module_xyz')", lambda: __import__("no_such_module_xyz")),
    ("import_module('json.nope')", lambda: importlib.import_module("json.nope")),
    ("__import__(5)", lambda: __import__(5)),
    ("__import__('')", lambda: __import__("")),
    ("import_module('.x')", lambda: importlib.import_module(".x")),
]:
    try:
        fn()
    except (ImportError, TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
try:
    from math import no_such_name
except ImportError as e:
    print("from-import missing:", e.name, "|", str(e).split(" (")[0])
