# super() inside classmethods, __new__, __init_subclass__ and properties; staticmethods can't use zero-arg super.
class A:
    @classmethod
    def create(cls):
        return f"A.create for {cls.__name__}"
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.made_by = "A.__new__"
        return inst
    @property
    def kind(self):
        return "A"
class B(A):
    @classmethod
    def create(cls):
        return "B>" + super().create()
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.made_by += ">B.__new__"
        return inst
    @property
    def kind(self):
        return "B>" + super().kind
    @staticmethod
    def static_super():
        try:
            return super().kind
        except RuntimeError as e:
            return f"RuntimeError: {e}"
print(B.create(), B().made_by, B().kind)
print("staticmethod zero-arg super:", B.static_super())
class C(B):
    pass
print("inherited classmethod sees subclass:", C.create(), C().kind, C().made_by)
print("explicit two-arg super in staticmethod works:", super(B, B()).kind)
