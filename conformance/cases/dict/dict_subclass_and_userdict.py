# dict subclasses and collections.UserDict: which hooks are used by which methods.
from collections import UserDict
class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
    def __getitem__(self, key):
        return super().__getitem__(key.lower())
u = Lower({"A": 1})
u.update(B=2)
u["C"] = 3
print("UserDict routes through hooks:", u.data, u["a"], "b" in u, u.get("C"))
class D(dict):
    def __getitem__(self, key):
        return "hooked"
d = D(a=1)
print("dict subclass: [] hooked, get not:", d["a"], d.get("a"), dict(d), list(d.values()))
class Missing(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]
m = Missing()
print("__missing__ auto-insert:", m["abc"], m, m.get("zz"), "zz" in m)
class Eq(dict):
    def __eq__(self, other):
        return "custom-eq"
print("subclass __eq__:", Eq() == {}, {} == Eq())
class Ordered(dict):
    def keys(self):
        return ["b", "a"]
    def __getitem__(self, k):
        return k.upper()
print("** of a dict subclass overriding keys():", {**Ordered(a=1, b=2)})
print("dict() of a dict subclass overriding keys():", dict(Ordered(a=1, b=2)))
import types
mp = types.MappingProxyType({"x": 1})
try:
    mp["y"] = 2
except TypeError as e:
    print("mappingproxy:", e)
print("mappingproxy reads:", mp["x"], list(mp), mp.get("q", 0), mp | {"z": 2})
