# Direct __dict__ manipulation: adding attributes, replacing __dict__, vars() view, and interaction with descriptors.
import types
class P:
    cls_attr = "c"
p = P()
p.__dict__["x"] = 1
print("added via __dict__:", p.x, vars(p) is p.__dict__)
vars(p)["y"] = 2
print("added via vars():", p.y)
p.__dict__ = {"z": 3}
print("replaced __dict__:", vars(p), hasattr(p, "x"))
try:
    p.__dict__ = [1]
except TypeError as e:
    print("non-dict __dict__:", e)
class D:
    @property
    def prop(self):
        return "property wins"
d = D()
d.__dict__["prop"] = "dict value"
print("data descriptor beats __dict__ entry:", d.prop, d.__dict__["prop"])
class Counter:
    def __init__(self):
        self.a = 1
        self.b = 2
c = Counter()
print("dict order is assignment order:", list(vars(c)))
del c.a
c.a = 3
print("re-adding goes to end:", list(vars(c)))
print("class __dict__ is a read-only mapping proxy:", type(P.__dict__) is types.MappingProxyType)
try:
    P.__dict__["new"] = 1
except TypeError as e:
    print("cannot write:", type(e).__name__)
setattr(P, "new", 1)
print("setattr on class works:", P.new, "new" in P.__dict__)
print("instance sees class attrs not in its dict:", p.cls_attr, "cls_attr" in vars(p))
