# from module import * with and without __all__, and import-time side effects.
from with_all import *
print(sorted(n for n in ("a", "b", "c", "_d") if n in globals()))
from without_all import *
print(sorted(n for n in ("x", "y", "_z") if n in globals()))
import with_all
print(with_all.c, with_all._d)
def f():
    return "functions cannot use import *"
try:
    compile("def g():\n    from os import *\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
