# __getattr__ only for missing attributes; __getattribute__ for all; __setattr__/__delattr__.
class Lazy:
    real = "class attr"
    def __init__(self):
        self.inst = "instance attr"
    def __getattr__(self, name):
        if name.startswith("x"):
            return "computed " + name
        raise AttributeError(f"no {name}")

o = Lazy()
print(o.real, "|", o.inst, "|", o.xyz)
try:
    o.missing
except AttributeError as e:
    print("missing:", e)
print("hasattr uses __getattr__:", hasattr(o, "xa"), hasattr(o, "ya"))
print("getattr default:", getattr(o, "ya", "dflt"))

class Tracing:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        log = object.__getattribute__(self, "log")
        log.append(name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 10)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
t = Tracing()
t.a = 4
print("set via hook:", t.a)
del t.a
print("log:", t.log)

class Fallback:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
f = Fallback()
print("getattribute raising AttributeError calls __getattr__:", f.boom)

class KeyErr:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    hasattr(KeyErr(), "q")
except KeyError as e:
    print("hasattr propagates non-AttributeError:", type(e).__name__, e)

class Dunder:
    def __getattr__(self, name):
        return lambda: "via getattr"
try:
    len(Dunder())
except TypeError as e:
    print("implicit dunder lookup skips instance __getattr__:", e)
print("explicit call works:", Dunder().__len__())
try:
    getattr(o, 5)
except TypeError as e:
    print("getattr non-str:", e)
