# Package __file__/__path__ used to locate data files next to modules, read with relative paths.
import os
import data_pkg
from data_pkg import loader
print(loader.read_greeting())
print(os.path.basename(data_pkg.__file__), os.path.basename(os.path.dirname(loader.__file__)))
print([os.path.basename(p) for p in data_pkg.__path__])
import importlib.resources
print(importlib.resources.files("data_pkg").joinpath("greeting.txt").read_text().strip())
print(sorted(p.name for p in importlib.resources.files("data_pkg").iterdir() if p.name.endswith(".txt")))
