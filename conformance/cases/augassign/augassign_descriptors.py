# Augmented assignment through properties, __getitem__/__setitem__ and __slots__.
class Temp:
    __slots__ = ("_c", "log")
    def __init__(self):
        self._c = 0.0
        self.log = []
    @property
    def celsius(self):
        self.log.append("get")
        return self._c
    @celsius.setter
    def celsius(self, v):
        self.log.append(f"set {v}")
        self._c = v
t = Temp()
t.celsius += 21.5
t.celsius *= 2
print(t.celsius, t.log)
class ReadOnly:
    @property
    def value(self):
        return 1
r = ReadOnly()
try:
    r.value += 1
except AttributeError as e:
    print("AttributeError:", e)
class Slotted:
    __slots__ = ("n",)
s = Slotted()
try:
    s.n += 1
except AttributeError as e:
    print("AttributeError:", e)
s.n = 1
s.n += 1
print(s.n)
