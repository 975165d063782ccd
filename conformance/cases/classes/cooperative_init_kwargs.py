# Cooperative multiple inheritance: __init__ chains with **kwargs through the MRO.
log = []
class Base:
    def __init__(self, **kw):
        log.append(("Base", sorted(kw)))
        super().__init__(**kw)
class Named(Base):
    def __init__(self, name, **kw):
        log.append(("Named", name))
        self.name = name
        super().__init__(**kw)
class Sized(Base):
    def __init__(self, size, **kw):
        log.append(("Sized", size))
        self.size = size
        super().__init__(**kw)
class Thing(Named, Sized):
    def __init__(self, **kw):
        log.append(("Thing", sorted(kw)))
        super().__init__(**kw)
t = Thing(name="box", size=3)
print("mro:", [c.__name__ for c in Thing.__mro__])
for entry in log:
    print(entry)
print("attrs:", t.name, t.size)
log.clear()
try:
    Thing(name="x", size=1, colour="red")
except TypeError as e:
    print("leftover kwarg reaches object:", e)
print("log before failure:", log)
class Left:
    def hello(self):
        return "Left>" + super().hello()
class Right:
    def hello(self):
        return "Right"
class Both(Left, Right):
    pass
print("super() goes to sibling, not parent:", Both().hello())
try:
    Left().hello()
except AttributeError as e:
    print("alone, super has no hello:", e)
