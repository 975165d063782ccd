# Attribute lookup through the MRO, shadowing, and modifying base classes after subclassing.
class A:
    x = "A.x"
    def who(self):
        return "A.who"
class B(A):
    pass
class C(A):
    x = "C.x"
class D(B, C):
    pass
print("D.x via MRO (C before A):", D.x, [k.__name__ for k in D.__mro__])
d = D()
A.who = lambda self: "patched A.who"
print("patching base visible in subclass instance:", d.who())
C.x = "C.x2"
print("class attribute change visible:", D.x)
del C.x
print("after deleting C.x, falls back to A:", D.x)
B.x = "B.x"
print("new attribute on B wins:", D.x)
d.x = "instance"
print("instance wins over class:", d.x, D.x)
print("__dict__ only has own attrs:", "x" in D.__dict__, "x" in B.__dict__)
print("getattr on class through MRO:", getattr(D, "who").__name__ if hasattr(D.who, "__name__") else D.who)
print("vars differ:", sorted(k for k in vars(d)))
class E:
    __private = 1
    _protected = 2
print("name mangling in dir:", [n for n in dir(E) if "private" in n or "protected" in n])
print("mro() can be called on the class:", [k.__name__ for k in D.mro()] == [k.__name__ for k in D.__mro__])
print("__bases__ order:", [k.__name__ for k in D.__bases__], D.__base__.__name__)
print("subclasses:", sorted(k.__name__ for k in A.__subclasses__()))
