# Namespace packages (no __init__.py) and module attributes of plain modules.
import nspkg.mod
print(nspkg.mod.VALUE)
print(nspkg.__file__ if hasattr(nspkg, "__file__") else "no __file__", len(list(nspkg.__path__)))
import plain
print(plain.__doc__, plain.__name__, plain.__spec__.name)
print(sorted(k for k in vars(plain) if k.startswith("__") and k in {"__name__", "__doc__", "__file__", "__spec__", "__loader__", "__package__", "__builtins__"}))
print(repr(plain.__package__))
