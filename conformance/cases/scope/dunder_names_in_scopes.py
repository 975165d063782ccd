# Module dunders (__name__, __doc__, __builtins__) and name mangling of __private names in classes.
"""Docstring of this case module."""
print(__name__, __doc__)
class Account:
    def __init__(self):
        self.__balance = 100
        self._protected = 1
    def balance(self):
        return self.__balance
a = Account()
print(a.balance(), a._Account__balance, a._protected, sorted(vars(a)))
try:
    a.__balance
except AttributeError as e:
    print("AttributeError:", e)
class Child(Account):
    def peek(self):
        try:
            return self.__balance
        except AttributeError as e:
            return "AttributeError: " + str(e)
print(Child().peek())
def outer():
    __local = "dunder-prefixed locals are not mangled outside classes"
    return __local
print(outer())
class Mangler:
    def method(self):
        __x = "mangled local"
        return sorted(locals())
print(Mangler().method())
