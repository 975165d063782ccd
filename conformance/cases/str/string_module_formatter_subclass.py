# string.Formatter subclasses can customise field lookup, conversion and formatting.
import string
class DefaultFormatter(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, f"<{key}?>")
        return super().get_value(key, args, kwargs)
f = DefaultFormatter()
print(f.format("{name} is {age} ({missing})", name="Bo", age=3))
class UpperConv(string.Formatter):
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)
print(UpperConv().format("{0!u} {0!r} {1:>5}", "abc", 7))
class Units(string.Formatter):
    def format_field(self, value, spec):
        if spec.endswith("kb"):
            return format(value / 1024, spec[:-2] or ".1f") + " KiB"
        return super().format_field(value, spec)
print(Units().format("size={0:.2fkb} raw={0}", 5000))
print("parse():", list(string.Formatter().parse("x{0!r:>4}y{{z}}")))
print("vformat:", string.Formatter().vformat("{a}-{0}", ("pos",), {"a": "kw"}))
try:
    string.Formatter().format("{0}")
except IndexError as e:
    print("missing positional:", type(e).__name__, e)
