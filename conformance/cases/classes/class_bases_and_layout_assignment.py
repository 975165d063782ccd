# Assigning __class__ and __bases__: compatible layouts succeed, incompatible ones raise TypeError with CPython's message.
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
class S1:
    __slots__ = ("x",)
class S2:
    __slots__ = ("y",)
a = A()
a.__class__ = B
print("plain classes swap:", a.who())
s = S1()
try:
    s.__class__ = S2
except TypeError as e:
    print("slot layouts differ:", e)
try:
    a.__class__ = int
except TypeError as e:
    print("to builtin:", e)
try:
    a.__class__ = "B"
except TypeError as e:
    print("non-class:", e)
class Base1:
    def origin(self): return "Base1"
class Base2:
    def origin(self): return "Base2"
class Child(Base1):
    pass
c = Child()
Child.__bases__ = (Base2,)
print("__bases__ reassigned:", c.origin(), [k.__name__ for k in Child.__mro__])
try:
    Child.__bases__ = ()
except TypeError as e:
    print("empty bases:", e)
try:
    Child.__bases__ = (Child,)
except TypeError as e:
    print("cycle:", e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print("builtin __bases__:", e)
print("subclass registry follows:", [k.__name__ for k in Base2.__subclasses__()], [k.__name__ for k in Base1.__subclasses__()])
