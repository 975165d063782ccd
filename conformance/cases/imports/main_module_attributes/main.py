# Attributes of the __main__ module and of sys when running a script.
import os
import sys
import __main__
print(__main__.__name__, __main__ is sys.modules["__main__"])
print(os.path.basename(__main__.__file__), __main__.__spec__, __package__)
print(os.path.basename(sys.argv[0]), len(sys.argv))
print(sorted(k for k in ("__builtins__", "__doc__", "__loader__", "__name__", "__package__", "__spec__", "__file__") if k in globals()))
print(__doc__)
import helper
print(helper.main_name())
