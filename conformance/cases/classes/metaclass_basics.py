# Metaclasses: __new__, __init__, __call__, __prepare__, keyword arguments.
log = []

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", name, sorted(kw)))
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        log.append(("new", name, sorted(k for k in ns if not k.startswith("__"))))
        cls = super().__new__(mcls, name, bases, ns)
        cls.options = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name))
        super().__init__(name, bases, ns)
    def __call__(cls, *args):
        log.append(("call", cls.__name__, args))
        return super().__call__(*args)

class Thing(metaclass=Meta, flavour="x"):
    def method(self):
        return self.injected

for entry in log:
    print(entry)
log.clear()
t = Thing()
print("call log:", log)
print("method:", t.method())
print("options:", Thing.options)
print("type of class:", type(Thing).__name__)
print("isinstance(Thing, Meta):", isinstance(Thing, Meta))

class Child(Thing):
    pass
print("child metaclass:", type(Child).__name__, Child.options)

class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class AB(A, B): pass
except TypeError as e:
    print("metaclass conflict:", type(e).__name__)

Dyn = type("Dyn", (object,), {"v": 3, "get": lambda self: self.v * 2})
print("type() three-arg:", Dyn.__name__, Dyn().get())
print("type() one-arg:", type(5).__name__)
try:
    type("X", (), {}, 1)
except TypeError as e:
    print("type bad args:", type(e).__name__, e)
