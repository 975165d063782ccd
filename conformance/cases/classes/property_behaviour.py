# property: getter/setter/deleter, docs, copying with .setter, read-only errors.
class Temp:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        "temperature in C"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0.0
    @property
    def kelvin(self):
        return self._c + 273.15

t = Temp()
t.celsius = 25
print("celsius:", t.celsius)
print("kelvin:", round(t.kelvin, 2))
print("doc:", Temp.celsius.__doc__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print("after del:", t.celsius)
try:
    t.kelvin = 3
except AttributeError as e:
    print("AttributeError set:", type(e).__name__)
try:
    del t.kelvin
except AttributeError as e:
    print("AttributeError del:", type(e).__name__)

p = property()
try:
    p.__get__(t, Temp)
except AttributeError as e:
    print("empty property get:", type(e).__name__)
print("property on class is itself:", isinstance(Temp.celsius, property))
q = Temp.celsius.getter(lambda self: "new")
print("getter returns new object:", q is not Temp.celsius)
print("fset kept:", q.fset is Temp.celsius.fset)
print("fget/fset/fdel names:", Temp.celsius.fget.__name__, Temp.celsius.fset.__name__, Temp.celsius.fdel.__name__)

class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return "sub:" + str(self._c)
s = Sub()
s.celsius = 3
print("subclass getter:", s.celsius)
