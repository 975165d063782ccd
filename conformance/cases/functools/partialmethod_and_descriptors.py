# partialmethod binds like a method (self first), works with classmethod/staticmethod and descriptors; repr and signature.
from functools import partialmethod, partial
import inspect
class Cell:
    def __init__(self):
        self.state = None
    def set_state(self, state, *, source="user"):
        self.state = (state, source)
        return self
    on = partialmethod(set_state, True)
    off = partialmethod(set_state, False, source="auto")
    @classmethod
    def make(cls, tag, n):
        return f"{cls.__name__}:{tag}:{n}"
    make_x = partialmethod(make, "x")
    @staticmethod
    def add(a, b):
        return a + b
    add10 = partialmethod(add, 10)
c = Cell()
print("bound partialmethods:", c.on().state, c.off().state, c.on(source="cli").state)
print("via class with explicit self:", Cell.on(Cell()).state)
print("classmethod partialmethod:", Cell.make_x(3), c.make_x(4))
print("staticmethod partialmethod:", Cell.add10(5), c.add10(1))
print("signature:", inspect.signature(Cell.on), inspect.signature(c.on))
print("plain partial as attribute does not bind:", type("T", (), {"p": partial(lambda *a: a, 1)})().p(2))
print("repr mentions func:", "set_state" in repr(Cell.__dict__["on"]))
try:
    partialmethod(5)
except TypeError as e:
    print("non-callable:", e)
