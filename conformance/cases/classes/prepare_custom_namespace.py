# __prepare__ can return a custom mapping that records or rejects class-body assignments.
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)
class NoDupes(dict):
    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise TypeError(f"duplicate definition of {key!r}")
        super().__setitem__(key, value)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, strict=False):
        return NoDupes() if strict else Recording()
    def __new__(mcls, name, bases, ns, strict=False):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = getattr(ns, "order", None)
        return cls
    def __init__(cls, name, bases, ns, strict=False):
        super().__init__(name, bases, ns)
class A(metaclass=Meta):
    z = 1
    a = 2
    def m(self): pass
    z = 3
print("recorded order with repeats:", A.order, A.z)
try:
    class B(metaclass=Meta, strict=True):
        x = 1
        x = 2
except TypeError as e:
    print("strict namespace:", e)
class Lookup(dict):
    def __missing__(self, key):
        if key.startswith("auto_"):
            return key.upper()
        raise KeyError(key)
class M2(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Lookup()
class C(metaclass=M2):
    value = auto_thing
print("namespace __missing__ resolves names in class body:", C.value)
try:
    class D(metaclass=type):
        pass
    type.__prepare__("X", ())["k"] = 1
    print("type.__prepare__ returns a fresh dict:", type(type.__prepare__("X", ())).__name__)
except Exception as e:
    print(type(e).__name__, e)
