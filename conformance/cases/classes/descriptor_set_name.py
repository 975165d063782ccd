# __set_name__ is called at class creation with the owner and attribute name.
calls = []

class Field:
    def __set_name__(self, owner, name):
        calls.append((owner.__name__, name))
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.private, value * 2)

class Point:
    x = Field()
    y = Field()

print("calls:", calls)
p = Point()
print("x before:", p.x)
p.x = 5
p.y = 7
print("x, y:", p.x, p.y)
print("private attrs:", sorted(k for k in vars(p)))
print("descriptor name:", Point.__dict__["x"].name)

# Adding an attribute after class creation does not call __set_name__
f = Field()
Point.z = f
print("late attr has name:", hasattr(f, "name"))

# A __set_name__ that raises propagates out of class creation
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)
try:
    class Holder:
        broken = Bad()
except Exception as e:
    print("error:", type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__ if e.__cause__ else None)

# The same descriptor object under two names gets two calls
shared = Field()
calls.clear()
class Twice:
    a = shared
    b = shared
print("twice calls:", calls)
print("last name wins:", shared.name)
