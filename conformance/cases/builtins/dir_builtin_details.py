# dir(): sorted names from instance, class and bases; modules; custom __dir__; no args in various scopes.
class Base:
    base_attr = 1
    def base_method(self): pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
c = Child()
names = dir(c)
print("sorted:", names == sorted(names))
print("contains own/class/base/object:", [n in names for n in ("inst", "child_attr", "base_attr", "base_method", "__init__", "__class__")])
print("class dir lacks instance attrs:", "inst" in dir(Child), "child_attr" in dir(Child))
import math
print("module dir:", [n for n in dir(math) if n.startswith("is")])
class Custom:
    def __dir__(self):
        return ("z", "a", "a")
print("custom __dir__ sorted, duplicates kept:", dir(Custom()))
class ListDir:
    def __dir__(self):
        return iter(["b", "a"])
print("iterator from __dir__:", dir(ListDir()))
def f():
    a = 1
    b = 2
    return dir()
print("dir() in function:", f())
print("dir of int has dunder and methods:", [n for n in dir(1) if not n.startswith("_")][:5])
print("dir of metaclass instance excludes metaclass attrs:", "mro" in dir(Child), "mro" in dir(type))
try:
    dir(1, 2)
except TypeError as e:
    print("two args:", e)
