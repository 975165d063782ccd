# Practical metaclasses: registry of subclasses, singleton via __call__, attribute validation at class creation.
class Registry(type):
    classes = {}
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            Registry.classes[name.lower()] = cls
        return cls
class Handler(metaclass=Registry):
    pass
class JsonHandler(Handler):
    pass
class XmlHandler(Handler):
    pass
print("registry:", sorted(Registry.classes), Registry.classes["jsonhandler"] is JsonHandler)
class Singleton(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, v=0):
        self.v = v
c1 = Config(1)
c2 = Config(2)
print("singleton:", c1 is c2, c2.v)
class Validated(type):
    def __new__(mcls, name, bases, ns):
        for key, value in ns.items():
            if key.isupper() and not isinstance(value, int):
                raise TypeError(f"constant {key} must be int, got {type(value).__name__}")
        return super().__new__(mcls, name, bases, ns)
class Good(metaclass=Validated):
    LIMIT = 10
try:
    class Bad(metaclass=Validated):
        LIMIT = "ten"
except TypeError as e:
    print("validation:", e)
print("metaclass inherited:", type(JsonHandler).__name__, type(Good).__name__)
print("isinstance of metaclass:", isinstance(Config, Singleton), isinstance(c1, Singleton))
