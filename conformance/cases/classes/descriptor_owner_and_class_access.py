# Descriptor __get__ receives (None, owner) on class access; a classproperty-like pattern; __set__ only on instances.
class Tracer:
    def __get__(self, obj, owner=None):
        return f"get(obj={type(obj).__name__}, owner={owner.__name__ if owner else None})"
    def __set__(self, obj, value):
        print(f"  set on {type(obj).__name__} -> {value}")
class A:
    t = Tracer()
class B(A):
    pass
print(A.t)
print(A().t)
print(B.t)
print(B().t)
A().t = 5
A.t = "replaced on class"
print("class assignment bypasses __set__:", A.__dict__["t"], B.t)
class ClassProp:
    def __init__(self, fget):
        self.fget = fget
    def __get__(self, obj, owner):
        return self.fget(owner)
class Config:
    _name = "cfg"
    @ClassProp
    def name(cls):
        return cls._name.upper()
class Sub(Config):
    _name = "sub"
print("class-level computed:", Config.name, Sub.name, Sub().name)
class Lazy:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value
class Heavy:
    calls = 0
    @Lazy
    def data(self):
        Heavy.calls += 1
        return [1, 2, 3]
h = Heavy()
print("lazy non-data descriptor caches in instance dict:", h.data, h.data, Heavy.calls, isinstance(Heavy.data, Lazy))
print("manual descriptor call:", Tracer().__get__(None, A), Tracer.__get__(Tracer(), 1, int))
