# Module-level __getattr__ and __dir__ (PEP 562), and __all__ interplay.
import lazy
print(lazy.eager)
print(lazy.computed_value)
try:
    lazy.missing
except AttributeError as e:
    print("AttributeError:", e)
print(dir(lazy))
from lazy import computed_value as cv
print(cv)
