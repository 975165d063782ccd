# C3 linearisation and cooperative super().
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()

print("mro:", [k.__name__ for k in D.__mro__])
print("who:", D().who())
print("mro():", [k.__name__ for k in D.mro()])

class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W): pass
except TypeError as e:
    print("inconsistent:", type(e).__name__, e)

print("super explicit:", super(B, D()).who())
print("super(C, d):", super(C, D()).who())
s = super(B, D())
print("super repr class:", s.__thisclass__.__name__, type(s.__self__).__name__)

class Base:
    @classmethod
    def make(cls):
        return cls.__name__
class Derived(Base):
    @classmethod
    def make(cls):
        return "derived/" + super().make()
print("classmethod super:", Derived.make())

class K:
    def f(self):
        def inner():
            return super().f
        return inner
try:
    K().f()()
except RuntimeError as e:
    print("super in nested function:", type(e).__name__)
try:
    super(int, "x")
except TypeError as e:
    print("bad super:", type(e).__name__, e)

class Deep(D):
    pass
print("deep mro length:", len(Deep.__mro__), Deep.__mro__[-1].__name__)
