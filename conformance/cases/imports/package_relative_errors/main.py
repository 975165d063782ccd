# Relative import failures inside packages: beyond top level, missing names, missing modules.
import pkg.ok
print(pkg.ok.MSG)
for name in ["pkg.too_far", "pkg.missing_name", "pkg.missing_module"]:
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__ + ":", e.msg.split(" (")[0])
