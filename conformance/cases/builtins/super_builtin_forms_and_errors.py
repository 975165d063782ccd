# super() zero-arg and explicit forms, unbound super objects, and errors.
class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return f"A.c({cls.__name__})"
    @staticmethod
    def s():
        return "A.s"
class B(A):
    def f(self):
        return "B>" + super().f()
    @classmethod
    def c(cls):
        return "B>" + super().c()
    def explicit(self):
        return super(B, self).f(), super(A, self).__class__.__name__
b = B()
print(b.f(), B.c(), super(B, b).s(), b.explicit())
print("super(B, B) on class:", super(B, B).c())
u = super(B)
print("unbound super bound via __get__:", u.__get__(b, B).f())
for label, fn in [
    ("super(B, 1)", lambda: super(B, 1)),
    ("super(1, b)", lambda: super(1, b)),
    ("super() outside class", lambda: super()),
    ("super(A, b).missing", lambda: super(A, b).missing),
]:
    try:
        print(label, "->", fn())
    except (TypeError, RuntimeError, AttributeError) as e:
        print(label, "->", type(e).__name__ + ":", e)
class C(A):
    def f(self):
        def inner():
            return __class__
        return inner().__name__
print("__class__ cell:", C().f())
class D(A):
    def f(self):
        self = None
        try:
            return super().f()
        except (TypeError, AttributeError) as e:
            return type(e).__name__ + ": " + str(e)
print("rebinding self:", D().f())
