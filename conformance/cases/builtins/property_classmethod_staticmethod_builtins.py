# property/classmethod/staticmethod called as builtins: argument validation, attributes, and wrapping arbitrary callables.
p = property(lambda self: 1, doc="docstring")
print("property attrs:", p.__doc__, p.fget is not None, p.fset, p.fdel, type(p).__name__)
p2 = property(fget=None, fset=print)
print("property with only setter:", p2.fget, p2.fset is print)
class C:
    x = property(None)
try:
    C().x
except AttributeError as e:
    print("unreadable property:", type(e).__name__)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print("too many args:", e)
sm = staticmethod(abs)
cm = classmethod(type)
print("wrappers expose __func__:", sm.__func__ is abs, cm.__func__ is type, sm.__wrapped__ is abs)
class D:
    absolute = sm
    kind = cm
print("staticmethod(abs):", D.absolute(-3), D().absolute(-4), "classmethod(type):", D.kind().__name__)
print("classmethod(property(...)).__func__ type:", type(classmethod(property(lambda c: 1)).__func__).__name__)
print("isabstractmethod propagates:", getattr(staticmethod(lambda: 0), "__isabstractmethod__", False))
try:
    classmethod()
except TypeError as e:
    print("classmethod():", e)
try:
    staticmethod(1, 2)
except TypeError as e:
    print("staticmethod(1, 2):", e)
print("non-callables accepted at creation:", type(staticmethod(5)).__name__, type(classmethod("x")).__name__)
