# Package __init__ execution order, __all__, __path__, submodule attributes.
import pkg
print("after import pkg:", sorted(n for n in dir(pkg) if not n.startswith("__")))
import pkg.sub_b
print("after import pkg.sub_b:", hasattr(pkg, "sub_b"))
from pkg import *
print(sorted(n for n in ("sub_a", "sub_b", "helper_value") if n in globals()))
print(type(pkg.__path__).__name__, len(pkg.__path__), pkg.__file__.endswith("__init__.py"))
print(pkg.sub_a.__spec__.name, pkg.sub_a.__spec__.parent)
import pkg as p2, pkg.sub_a as sa
print(p2 is pkg, sa is pkg.sub_a)
