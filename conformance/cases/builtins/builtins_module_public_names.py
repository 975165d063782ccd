# The public names of the builtins module in 3.11 (functions/types vs exceptions/warnings vs constants and site helpers).
import builtins
names = sorted(n for n in dir(builtins) if not n.startswith("_"))
exceptions = [n for n in names if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException)]
types_ = [n for n in names if isinstance(getattr(builtins, n), type) and n not in exceptions]
functions = [n for n in names if n not in exceptions and n not in types_ and callable(getattr(builtins, n))]
constants = [n for n in names if n not in exceptions and n not in types_ and n not in functions]
print("types:", types_)
print("functions and site callables:", functions)
print("constants:", constants)
print("exception/warning classes:", len(exceptions))
for i in range(0, len(exceptions), 8):
    print("  ", exceptions[i:i + 8])
print("dunder names present:", [n for n in ("__import__", "__build_class__", "__debug__", "__doc__", "__name__") if hasattr(builtins, n)])
