# Functions are non-data descriptors; manual __get__, binding to other objects.
def f(self, x=1):
    return (self, x)

class A:
    pass
a = A()
bound = f.__get__(a, A)
print("manual bind:", bound(5)[1], bound.__self__ is a)
print("__get__ with None instance returns function:", f.__get__(None, A) is f)
A.g = f
print("function assigned to class binds:", a.g(2)[0] is a)
a.h = f
print("function on instance does not bind:", a.h("me", 3))

import types
m = types.MethodType(f, "bound-to-str")
print("MethodType:", m(), m.__self__)

class B:
    def method(self):
        return "B.method"
print("method looked up on class, called with instance:", B.method(B()))
print("builtin method binding:", [].append.__self__ == [], "abc".upper.__self__)
meth = "abc".upper
print("call builtin bound:", meth())
print("unbound builtin descriptor:", str.upper("xyz"), type(str.upper) is types.MethodDescriptorType, str.__dict__["upper"] is str.upper)
try:
    str.upper(5)
except TypeError as e:
    print("wrong self type:", e)
try:
    list.append((), 1)
except TypeError as e:
    print("list.append on tuple:", e)

class WithCall:
    def __call__(self, *a):
        return a
class Host:
    c = WithCall()
print("callable object attribute is not bound:", Host().c(1, 2))
print("lambda in class binds:", type("L", (), {"l": lambda self: type(self).__name__})().l())
print("partial in class does not bind:", type("P", (), {"p": __import__("functools").partial(lambda *a: a, 1)})().p(2))
