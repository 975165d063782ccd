# __init_subclass__ receives class keyword arguments and is implicitly a classmethod.
registry = []

class Plugin:
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, name))
        cls.plugin_name = name or cls.__name__.lower()

class Csv(Plugin, name="csv"):
    pass
class Json(Plugin):
    pass
class Sub(Csv, name="subcsv"):
    pass

print("registry:", registry)
print("names:", Csv.plugin_name, Json.plugin_name, Sub.plugin_name)
print("base has attr:", hasattr(Plugin, "plugin_name"))

try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("unknown kw:", type(e).__name__, e)

try:
    class Plain(object, extra=True):
        pass
except TypeError as e:
    print("object kw:", type(e).__name__, e)

class Counting:
    count = 0
    def __init_subclass__(cls):
        Counting.count += 1
class One(Counting): pass
class Two(Counting): pass
class Three(One): pass
print("count:", Counting.count)
print("is classmethod implicitly:", type(Counting.__dict__["__init_subclass__"]).__name__)
