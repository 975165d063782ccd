# __enter__/__exit__ are looked up on the type, not the instance.
class Plain:
    pass
p = Plain()
p.__enter__ = lambda: "instance enter"
p.__exit__ = lambda *a: None
try:
    with p:
        pass
except TypeError as e:
    print("TypeError:", e)
class Dynamic:
    pass
Dynamic.__enter__ = lambda self: "added to class later"
Dynamic.__exit__ = lambda self, *a: None
with Dynamic() as v:
    print(v)
class Base:
    def __enter__(self):
        return f"inherited by {type(self).__name__}"
    def __exit__(self, *a):
        return False
class Child(Base):
    pass
with Child() as v:
    print(v)
class ExitOnlyViaGetattr:
    def __getattr__(self, name):
        return lambda *a: "from __getattr__"
try:
    with ExitOnlyViaGetattr():
        pass
except TypeError as e:
    print("TypeError:", e)
