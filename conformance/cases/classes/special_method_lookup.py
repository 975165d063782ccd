# Special methods are looked up on the type, not the instance.
class C:
    def __repr__(self):
        return "C-repr"
c = C()
c.__repr__ = lambda: "instance-repr"
print("repr uses type:", repr(c))
print("explicit attribute:", c.__repr__())

class Callable:
    def __call__(self, x):
        return x + 1
k = Callable()
print("call:", k(1), callable(k), callable(C()))
k2 = C()
k2.__call__ = lambda: 0
print("instance __call__ not callable:", callable(k2))

C.__len__ = lambda self: 7
print("len added to class later:", len(c))
C.__add__ = lambda self, o: "added"
print("operator added later:", c + 1)
del C.__add__
try:
    c + 1
except TypeError as e:
    print("after del:", e)

class Idx:
    def __index__(self):
        return 2
lst = ["a", "b", "c", "d"]
print("__index__ subscripts:", lst[Idx()], lst[Idx():], hex(Idx()), bin(Idx()))
print("range with __index__:", list(range(Idx())))
print("operator.index:", __import__("operator").index(Idx()))

class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"
    def __str__(self):
        return "str!"
print("format:", format(Fmt(), "x>5"), f"{Fmt():abc}", f"{Fmt()!s}", "{0:z}".format(Fmt()))

class Neg:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
n = Neg()
print("unary:", -n, +n, ~n, abs(n))
try:
    -C()
except TypeError as e:
    print("no __neg__:", e)
