# __slots__ details: __weakref__, multiple inheritance layout conflicts, slot defaults via class attributes.
import types
import weakref
class S:
    __slots__ = ("a", "__weakref__")
s = S()
r = weakref.ref(s)
print("weakref slot works:", r() is s)
class NoWeak:
    __slots__ = ("a",)
try:
    weakref.ref(NoWeak())
except TypeError as e:
    print("no __weakref__ slot:", e)
class A:
    __slots__ = ("x",)
class B:
    __slots__ = ("y",)
try:
    class AB(A, B):
        pass
except TypeError as e:
    print("layout conflict:", e)
class Empty1:
    __slots__ = ()
class Empty2:
    __slots__ = ()
class Both(Empty1, Empty2):
    __slots__ = ("z",)
print("empty slots combine:", Both.__slots__, hasattr(Both(), "__dict__"))
class Parent:
    __slots__ = ("p",)
class Child(Parent):
    __slots__ = ("c",)
c = Child()
c.p, c.c = 1, 2
print("inherited slots:", c.p, c.c, sorted(Child.__slots__), Parent.__slots__)
print("slot members are descriptors on the defining class:", type(Parent.__dict__["p"]) is types.MemberDescriptorType, "p" in Child.__dict__)
class Dup(Parent):
    __slots__ = ("p",)
d = Dup()
d.p = "shadowed"
print("re-declared slot shadows parent:", d.p)
try:
    class BadSlot:
        __slots__ = ("ok", 5)
except TypeError as e:
    print("non-str slot:", e)
try:
    class DictSlot(dict):
        __slots__ = ("__dict__", "__dict__")
except TypeError as e:
    print("duplicate __dict__ slot:", e)
class Iter:
    __slots__ = iter(["m", "n"])
print("slots from iterator:", Iter().__class__.__dict__.keys() >= {"m", "n"})
