# __name__ of the main script and of imported modules; the if __name__ guard.
import helper
print("main:", __name__)
print("helper says:", helper.describe())
print(helper.__name__, helper.__file__.endswith("helper.py"))
import sys
print(sys.modules["__main__"].__name__, "helper" in sys.modules)
import importlib
again = importlib.import_module("helper")
print(again is helper, helper.LOADS)
