# Functions defined in classes and closures referencing __class__ and outer names.
def factory(tag):
    class Tagged:
        def describe(self):
            return f"{tag}:{type(self).__name__}"
        @classmethod
        def make(cls):
            return cls()
    return Tagged
T = factory("red")
print(T().describe(), T.make().describe())
class Base:
    def who(self):
        return "base"
class Derived(Base):
    def who(self):
        return "derived+" + super().who()
    def cls_cell(self):
        return __class__.__name__
print(Derived().who(), Derived().cls_cell())
print('__class__' in Derived.who.__code__.co_freevars)
def method_closure():
    secret = 42
    class Holder:
        def reveal(self):
            return secret
    return Holder()
print(method_closure().reveal())
class Outer:
    value = "class attr"
    def m(self):
        def inner():
            return self.value
        return inner()
print(Outer().m())
