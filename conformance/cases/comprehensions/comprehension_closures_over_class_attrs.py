# Class-level names in comprehensions: only the outermost iterable sees the class namespace.
class Settings:
    names = ["a", "b"]
    prefix = "opt_"
    outermost_ok = [n.upper() for n in names]
    try:
        uses_prefix = [prefix + n for n in names]
    except NameError as e:
        uses_prefix = f"NameError: {e}"
    via_default = (lambda prefix=prefix, names=names: [prefix + n for n in names])()
    keys = {n: i for i, n in enumerate(names)}
print(Settings.outermost_ok, Settings.uses_prefix, Settings.via_default, Settings.keys)
