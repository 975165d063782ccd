# __getattribute__ must use object.__getattribute__/super() to avoid recursion; properties and __getattr__ interplay.
class Counting:
    def __init__(self):
        object.__setattr__(self, "hits", {})
        self.value = 1
    def __getattribute__(self, name):
        hits = object.__getattribute__(self, "hits")
        if not name.startswith("__"):
            hits[name] = hits.get(name, 0) + 1
        return super().__getattribute__(name)
c = Counting()
c.value; c.value; c.hits
print("hits:", sorted(c.hits.items()))
class Broken:
    def __getattribute__(self, name):
        return self.__dict__[name]
try:
    Broken().x
except RecursionError as e:
    print("naive __getattribute__ recursion:", type(e).__name__)
class Prop:
    @property
    def p(self):
        raise AttributeError("inside property")
    def __getattr__(self, name):
        return f"__getattr__({name})"
print("AttributeError from property falls back to __getattr__:", Prop().p)
class Guard:
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return name.upper()
g = Guard()
print("dynamic attrs:", g.foo, getattr(g, "bar"), hasattr(g, "_hidden"))
import copy, pickle
print("copy works with guarded __getattr__:", type(copy.copy(g)).__name__, type(pickle.loads(pickle.dumps(g))).__name__)
class Wrapper:
    def __init__(self, obj):
        self._obj = obj
    def __getattr__(self, name):
        return getattr(self._obj, name)
w = Wrapper([3, 1, 2])
w.sort()
print("delegation:", w._obj, w.count(1))
try:
    len(w)
except TypeError as e:
    print("dunder not delegated:", e)
