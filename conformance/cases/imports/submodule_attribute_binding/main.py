# Importing a submodule binds it as an attribute of its parent package.
import pkg
print(hasattr(pkg, "sub"))
import pkg.sub
print(hasattr(pkg, "sub"), pkg.sub.NAME)
from pkg import other
print(other.NAME, hasattr(pkg, "other"))
import pkg.deep.leaf as leaf
print(leaf.NAME, pkg.deep.leaf is leaf, "pkg.deep" in __import__("sys").modules)
import sys
print(sorted(m for m in sys.modules if m.startswith("pkg")))
