# The exact order of events when a class statement runs: __prepare__, body, __set_name__, __init_subclass__, decorators.
log = []
class Field:
    def __init__(self, name):
        log.append(f"Field({name}) created in body")
    def __set_name__(self, owner, name):
        log.append(f"__set_name__({owner.__name__}, {name})")
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        log.append(f"__prepare__({name})")
        return {}
    def __new__(mcls, name, bases, ns):
        log.append(f"Meta.__new__({name}) start")
        cls = super().__new__(mcls, name, bases, ns)
        log.append(f"Meta.__new__({name}) end")
        return cls
    def __init__(cls, name, bases, ns):
        log.append(f"Meta.__init__({name})")
        super().__init__(name, bases, ns)
class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        log.append(f"__init_subclass__({cls.__name__})")
        super().__init_subclass__(**kw)
def decorate(cls):
    log.append(f"decorator({cls.__name__})")
    return cls
log.clear()
@decorate
class Child(Base):
    log.append("body start")
    a = Field("a")
    b = Field("b")
    log.append("body end")
for i, entry in enumerate(log):
    print(i, entry)
