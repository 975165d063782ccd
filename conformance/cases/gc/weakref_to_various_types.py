# Which objects support weak references: functions, classes, instances, sets; not ints, tuples, lists.
import gc
import weakref
class Plain:
    pass
class Slotted:
    __slots__ = ("x",)
class SlottedWeak:
    __slots__ = ("x", "__weakref__")
class MyList(list):
    pass
def func():
    pass
candidates = [("function", func), ("class", Plain), ("instance", Plain()), ("set", {1}), ("frozenset", frozenset()),
              ("list subclass", MyList()), ("slotted", Slotted()), ("slotted+weakref", SlottedWeak()),
              ("int", 1), ("str", "s"), ("tuple", ()), ("list", []), ("dict", {}), ("None", None)]
for name, obj in candidates:
    try:
        r = weakref.ref(obj)
        print(name, "weakref ok", r() is obj)
    except TypeError as e:
        print(name, "TypeError:", e)
inst = SlottedWeak()
r = weakref.ref(inst)
del inst
gc.collect()
print("slotted instance collected:", r() is None)
