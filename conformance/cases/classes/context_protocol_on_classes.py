# Dunder protocols on classes beyond operators: __enter__/__exit__ return values, __len__ of class via metaclass, __iter__ on class.
class Managed:
    log = []
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        Managed.log.append(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        Managed.log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None}")
        return self.suppress
with Managed("a") as value:
    print("as-target is __enter__ result:", value)
with Managed("b", suppress=True):
    raise ValueError("swallowed")
try:
    with Managed("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("not suppressed:", repr(e))
with Managed("outer"), Managed("inner") as i:
    print("nested as:", i)
print("log:", Managed.log)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print("missing __exit__:", type(e).__name__, e)
class Meta(type):
    def __len__(cls):
        return len(cls.members)
    def __iter__(cls):
        return iter(cls.members)
    def __contains__(cls, item):
        return item in cls.members
class Colors(metaclass=Meta):
    members = ["red", "green"]
print("len/iter/in on a class:", len(Colors), list(Colors), "red" in Colors, "blue" in Colors)
