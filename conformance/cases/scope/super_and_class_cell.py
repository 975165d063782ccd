# Zero-argument super() needs the __class__ cell: works in methods, fails elsewhere.
class Base:
    def greet(self):
        return "base"
class Child(Base):
    def greet(self):
        return "child>" + super().greet()
    def via_lambda(self):
        return (lambda: super().greet())()
    def via_nested(self):
        def inner():
            return super().greet()
        return inner()
    def via_nested_with_arg(self):
        def inner(obj):
            return super(Child, obj).greet()
        return inner(self)
c = Child()
print(c.greet(), c.via_nested_with_arg())
for name in ("via_lambda", "via_nested"):
    try:
        getattr(c, name)()
    except RuntimeError as e:
        print(name, "RuntimeError:", e)
def outside():
    return super().greet()
try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)
class UsesClassCell:
    def which(self):
        return __class__.__name__
class Sub(UsesClassCell):
    pass
print(Sub().which())
