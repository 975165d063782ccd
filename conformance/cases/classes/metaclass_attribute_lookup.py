# Attribute lookup on classes consults the metaclass; instances don't see metaclass attrs.
class Meta(type):
    meta_attr = "from meta"
    def meta_method(cls):
        return "meta_method on " + cls.__name__
    @property
    def computed(cls):
        return cls.__name__ * 2
    def __getattr__(cls, name):
        return f"meta-getattr {name}"
    def __len__(cls):
        return 99
    def __iter__(cls):
        return iter(["x", "y"])
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"

class C(metaclass=Meta):
    own = "own"

print("class attr:", C.own)
print("meta attr via class:", C.meta_attr)
print("meta method:", C.meta_method())
print("meta property:", C.computed)
print("meta __getattr__:", C.nothing)
print("len/iter on class:", len(C), list(C))
print("repr of class:", repr(C))
c = C()
print("instance lacks meta attr:", hasattr(c, "meta_attr"))
try:
    c.meta_method
except AttributeError as e:
    print("AttributeError:", e)

class DataDesc:
    def __get__(self, obj, owner):
        return "meta data descriptor"
    def __set__(self, obj, value):
        raise AttributeError("readonly")
class Meta2(type):
    x = DataDesc()
class D(metaclass=Meta2):
    x = "class dict"
print("meta data descriptor beats class dict:", D.x)
print("instance sees class dict:", D().x)
try:
    D.x = 5
except AttributeError as e:
    print("set through meta descriptor:", e)
class Meta3(type):
    y = "meta nondata"
class E(metaclass=Meta3):
    y = "class value"
print("class dict beats meta non-data:", E.y)
