# The builtins module: lookup through __builtins__, adding and removing names.
import builtins
builtins.my_helper = lambda: "from builtins"
print(my_helper())
del builtins.my_helper
try:
    my_helper()
except NameError as e:
    print("NameError:", e)
print(type(__builtins__).__name__ in ('module', 'dict'))
orig_abs = builtins.abs
builtins.abs = lambda v: "patched"
print(abs(-1))
builtins.abs = orig_abs
print(abs(-1))
print(all(hasattr(builtins, n) for n in ['print', 'len', 'range', 'Exception', 'None']))
print(builtins.True_ if hasattr(builtins, 'True_') else 'no True_')
print(getattr(builtins, 'None'), builtins.Ellipsis)
