# __instancecheck__, __subclasscheck__, __class_getitem__, __mro_entries__.
class Meta(type):
    def __instancecheck__(cls, inst):
        print("  instancecheck", type(inst).__name__)
        return isinstance(inst, int) and inst > 0
    def __subclasscheck__(cls, sub):
        print("  subclasscheck", sub.__name__)
        return sub is bool

class Positive(metaclass=Meta):
    pass

print("5:", isinstance(5, Positive))
print("-5:", isinstance(-5, Positive))
print("exact type shortcut:", isinstance(Positive(), Positive))
print("bool sub:", issubclass(bool, Positive))
print("int sub:", issubclass(int, Positive))

class Gen:
    def __class_getitem__(cls, item):
        return f"Gen[{item!r}]"
print("class_getitem:", Gen[int], Gen[1, 2])
print("builtin generics:", list[int], dict[str, list[int]], type(list[int]).__name__)
print("generic alias origin/args:", list[int].__origin__.__name__, list[int].__args__)
try:
    int[str]
except TypeError as e:
    print("int not subscriptable:", e)

class Base:
    pass
class Fake:
    def __mro_entries__(self, bases):
        return (Base,)
class Real(Fake()):
    pass
print("mro_entries:", [k.__name__ for k in Real.__mro__], Real.__orig_bases__[0].__class__.__name__)
try:
    class Fail(5):
        pass
except TypeError as e:
    print("bad base:", type(e).__name__)
