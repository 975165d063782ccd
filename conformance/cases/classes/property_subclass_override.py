# Overriding properties in subclasses: replacing getter only, extending with super(), and plain attribute shadowing.
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value
class OnlyGetter(Base):
    @property
    def v(self):
        return "sub-" + str(self._v)
o = OnlyGetter()
print("overridden getter:", o.v)
try:
    o.v = 5
except AttributeError as e:
    print("new property lost the setter:", type(e).__name__)
class KeepSetter(Base):
    @Base.v.getter
    def v(self):
        return self._v * 100
k = KeepSetter()
k.v = 3
print("getter replaced, setter kept:", k.v)
class Extends(Base):
    @property
    def v(self):
        return ("extended", super().v)
    @v.setter
    def v(self, value):
        Base.v.fset(self, value + 1)
e = Extends()
e.v = 10
print("super() through property:", e.v)
class Shadow(Base):
    v = "class attribute"
s = Shadow()
print("class attribute replaces inherited property:", s.v)
s.v = "instance value"
print("now a plain attribute:", s.v, vars(s))
print("property objects:", type(Base.__dict__["v"]).__name__, Base.v.fset is not None, OnlyGetter.v.fset)
