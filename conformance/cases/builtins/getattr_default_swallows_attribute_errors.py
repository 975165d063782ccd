# getattr(obj, name, default) and hasattr swallow AttributeError raised *inside* properties, but not other errors.
class C:
    @property
    def broken(self):
        return self.missing_attribute
    @property
    def failing(self):
        raise ValueError("property failed")
    @property
    def good(self):
        return "ok"
c = C()
print("getattr default hides inner AttributeError:", getattr(c, "broken", "default"))
print("hasattr is False for it:", hasattr(c, "broken"))
try:
    c.broken
except AttributeError as e:
    print("direct access shows the inner error:", e)
try:
    getattr(c, "failing", "default")
except ValueError as e:
    print("other exceptions propagate:", e)
try:
    hasattr(c, "failing")
except ValueError as e:
    print("hasattr propagates too:", e)
print("normal property:", getattr(c, "good", "default"), hasattr(c, "good"))
class Dyn:
    def __getattr__(self, name):
        if name == "computed":
            return 42
        raise AttributeError(f"Dyn has no {name}")
print("__getattr__ with default:", getattr(Dyn(), "computed", 0), getattr(Dyn(), "other", "fallback"))
print("default can be any object:", getattr(1, "nope", None), getattr("s", "nope", ...))
