# setattr/getattr/delattr builtins, class-level attribute changes visible to instances.
class A:
    pass
a = A()
setattr(a, "x", 1)
print("setattr:", a.x, getattr(a, "x"))
delattr(a, "x")
print("after delattr:", hasattr(a, "x"))
try:
    delattr(a, "x")
except AttributeError as e:
    print("delattr missing:", e)
try:
    del a.nope
except AttributeError as e:
    print("del missing:", e)
setattr(a, "with space", 5)
print("odd names allowed:", getattr(a, "with space"), vars(a))
A.shared = "class"
print("class attr added later:", a.shared)
a.shared = "inst"
del a.shared
print("instance del reveals class attr:", a.shared)
try:
    del a.shared
except AttributeError as e:
    print("cannot del class attr via instance:", e)
del A.shared
print("class attr gone:", hasattr(a, "shared"))
try:
    setattr(a, 1, 2)
except TypeError as e:
    print("non-str name:", e)
try:
    getattr(a, "missing")
except AttributeError as e:
    print("getattr missing:", e)
try:
    getattr()
except TypeError as e:
    print("getattr no args:", e)
try:
    A.missing
except AttributeError as e:
    print("class attribute missing:", e)
try:
    (5).real = 3
except AttributeError as e:
    print("builtin readonly attr:", type(e).__name__)
try:
    (5).newattr = 3
except AttributeError as e:
    print("int no new attr:", e)
try:
    int.foo = 1
except TypeError as e:
    print("builtin type setattr:", e)
def fn(): pass
fn.custom = 1
print("function attrs:", fn.custom, fn.__dict__)
