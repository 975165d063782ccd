# class statement forms: bases, keywords, decorators, docstrings, nested classes.
class Empty:
    pass
class WithDoc:
    """Documented class."""
    attr = 1
class Base:
    def __init_subclass__(cls, **kw):
        cls.kw = kw
class Child(Base, flavor="sweet"):
    class Inner:
        def where(self):
            return type(self).__qualname__
print(Empty.__name__, WithDoc.__doc__, Child.kw, Child.Inner().where())
print(Child.__bases__[0].__name__, Child.__mro__[-1].__name__)
bases = (Base,)
class Dynamic(*bases):
    pass
print(Dynamic.__bases__ == bases, Dynamic.kw)
def make(n):
    class Local:
        size = n
    return Local
print(make(3).size, make(4).__qualname__)
print(type("Built", (object,), {"x": 5}).x)
class NoParens():
    pass
print(NoParens.__bases__)
