# A sys.meta_path finder that serves modules from a dict, using importlib's loader protocol.
import importlib.abc
import importlib.util
import sys
SOURCES = {
    "virtual_mod": "VALUE = 'served from memory'\ndef double(x):\n    return 2 * x\n",
    "virtual_pkg": "__path__ = []\nNAME = 'virtual package'\n",
    "virtual_pkg.child": "from . import NAME as PARENT\nCHILD = 'child of ' + PARENT\n",
}
class DictFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path, target=None):
        if fullname in SOURCES:
            is_pkg = fullname == "virtual_pkg"
            return importlib.util.spec_from_loader(fullname, self, is_package=is_pkg)
        return None
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        exec(SOURCES[module.__name__], module.__dict__)
sys.meta_path.insert(0, DictFinder())
import virtual_mod
print(virtual_mod.VALUE, virtual_mod.double(21), virtual_mod.__spec__.name)
from virtual_pkg import child
print(child.CHILD, child.__package__)
try:
    import virtual_missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
