# Data descriptors win over the instance dict; non-data descriptors lose to it.
class Data:
    def __get__(self, obj, owner):
        return "data-get" if obj is not None else "data-class"
    def __set__(self, obj, value):
        obj.__dict__["_seen"] = value

class NonData:
    def __get__(self, obj, owner):
        return "nondata-get" if obj is not None else "nondata-class"

class C:
    d = Data()
    n = NonData()

c = C()
print("class d:", C.d)
print("class n:", C.n)
print("inst d:", c.d)
print("inst n:", c.n)
c.__dict__["d"] = "dict-d"
c.__dict__["n"] = "dict-n"
print("d with dict entry:", c.d)
print("n with dict entry:", c.n)
c.d = 42
print("set through descriptor:", c.__dict__["_seen"])
print("dict d untouched:", c.__dict__["d"])
del c.__dict__["n"]
print("n after removing dict entry:", c.n)

class GetOnlyData:
    def __get__(self, obj, owner):
        return "getonly"
    def __delete__(self, obj):
        print("delete called")

class D:
    g = GetOnlyData()

d = D()
d.__dict__["g"] = "shadow"
print("__delete__ makes it data:", d.g)
del d.g
try:
    d.g = 1
except AttributeError as e:
    print("set without __set__:", type(e).__name__, e)
