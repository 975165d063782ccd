# Exception matching follows the class hierarchy, tuples, and subclass overrides of __subclasscheck__.
class Meta(type):
    def __subclasscheck__(cls, sub):
        return sub.__name__.startswith("Net")
class AnyNetError(Exception, metaclass=Meta):
    pass
class NetTimeout(Exception):
    pass
class DiskFull(Exception):
    pass
for exc in [NetTimeout("slow"), DiskFull("full")]:
    try:
        raise exc
    except AnyNetError as e:
        print("matched by __subclasscheck__:", repr(e))
    except Exception as e:
        print("fell through to Exception:", repr(e))
def which(exc):
    try:
        raise exc
    except (KeyError, IndexError):
        return "lookup pair"
    except LookupError:
        return "lookup base"
    except ArithmeticError:
        return "arithmetic"
    except Exception:
        return "generic"
for exc in [KeyError(), IndexError(), LookupError(), UnicodeError(), OverflowError(), FloatingPointError()]:
    print(type(exc).__name__, which(exc))
