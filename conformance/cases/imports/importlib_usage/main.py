# importlib: import_module (absolute and relative), reload, and sys.modules caching.
import importlib
import sys
counter = importlib.import_module("counter")
print(counter.COUNT, counter.bump())
same = importlib.import_module("counter")
print(same is counter, counter.COUNT)
reloaded = importlib.reload(counter)
print(reloaded is counter, counter.COUNT)
sub = importlib.import_module(".leaf", package="tree")
print(sub.__name__, sub.NAME)
print("tree" in sys.modules, "tree.leaf" in sys.modules)
del sys.modules["counter"]
fresh = importlib.import_module("counter")
print(fresh is counter, fresh.COUNT)
try:
    importlib.import_module("does_not_exist_anywhere")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
