# classmethod and staticmethod binding, bound method attributes.
class A:
    count = 0
    def inst(self, x):
        return (type(self).__name__, x)
    @classmethod
    def cm(cls, x):
        return (cls.__name__, x)
    @staticmethod
    def sm(x):
        return ("static", x)

class B(A):
    pass

a, b = A(), B()
print("inst:", a.inst(1), A.inst(a, 2))
print("cm via class/instance/subclass:", A.cm(1), a.cm(2), B.cm(3), b.cm(4))
print("sm:", A.sm(1), a.sm(2), B.sm(3))
print("staticmethod callable directly:", A.__dict__["sm"](9))
print("types:", type(A.__dict__["cm"]).__name__, type(A.__dict__["sm"]).__name__)
m = a.inst
print("bound self/func:", m.__self__ is a, m.__func__ is A.inst)
print("bound method equality:", a.inst == a.inst, a.inst == A().inst)
print("unbound is plain function:", type(A.inst).__name__)
print("cm bound to class:", A.cm.__self__ is A, B.cm.__self__ is B)
print("method name/qualname:", m.__name__, m.__qualname__)
try:
    A.inst(1)
except TypeError as e:
    print("missing arg:", e)
try:
    a.sm()
except TypeError as e:
    print("static missing arg:", e)
try:
    m.extra = 1
except AttributeError as e:
    print("cannot set on bound method:", type(e).__name__)
A.inst.tag = "t"
print("function attribute visible via bound method:", m.tag)
sm = staticmethod(len)
print("staticmethod wraps:", sm.__func__ is len, sm("abc"))
cm = classmethod(lambda cls: cls)
class C:
    f = cm
print("classmethod of lambda:", C.f() is C)
