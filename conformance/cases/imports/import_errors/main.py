# Import failures: missing modules and names, errors while importing, retrying.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
try:
    import nonexistent_module_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
try:
    from good import missing_name
except ImportError as e:
    print("ImportError:", e.msg.replace(HERE, "<dir>"), "| name:", e.name)
try:
    import broken
except ZeroDivisionError as e:
    print("ZeroDivisionError while importing broken:", e)
import sys
print("broken" in sys.modules)
try:
    import broken
except ZeroDivisionError:
    print("second import runs the module again and fails again")
try:
    import good.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from . import good
except ImportError as e:
    print("ImportError:", e)
from good import *
print(public_name, "_private" in dir())
