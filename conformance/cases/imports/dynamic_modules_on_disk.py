# Modules written at run time into a temp directory, imported, changed, and reloaded.
import importlib
import os
import sys
import tempfile
d = tempfile.mkdtemp()
sys.path.insert(0, d)
with open(os.path.join(d, "generated_mod.py"), "w") as f:
    f.write("VERSION = 1\ndef hello():\n    return 'hello v1'\n")
importlib.invalidate_caches()
import generated_mod
print(generated_mod.VERSION, generated_mod.hello())
with open(os.path.join(d, "generated_mod.py"), "w") as f:
    f.write("VERSION = 2\ndef hello():\n    return 'hello v2, longer file'\n")
importlib.reload(generated_mod)
print(generated_mod.VERSION, generated_mod.hello())
os.mkdir(os.path.join(d, "genpkg"))
with open(os.path.join(d, "genpkg", "__init__.py"), "w") as f:
    f.write("from .part import PART\n")
with open(os.path.join(d, "genpkg", "part.py"), "w") as f:
    f.write("PART = 'part of a generated package'\n")
importlib.invalidate_caches()
import genpkg
print(genpkg.PART, sorted(m for m in sys.modules if m.startswith("genpkg")))
import pkgutil
print(sorted(m.name for m in pkgutil.iter_modules([d])))
sys.path.remove(d)
import shutil
shutil.rmtree(d)
print("temp dir removed:", not os.path.exists(d))
