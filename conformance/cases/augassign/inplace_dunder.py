# __iadd__ and friends: in-place mutation versus rebinding, and fallback to __add__.
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, other):
        print("__iadd__")
        self.v += other
        return self
    def __add__(self, other):
        print("__add__")
        return Acc(self.v + other)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        print("__add__ fallback")
        return OnlyAdd(self.v + other)
a = Acc(1)
alias = a
a += 5
print(a.v, a is alias)
o = OnlyAdd(1)
o_alias = o
o += 5
print(o.v, o is o_alias)
class ReturnsOther:
    def __iadd__(self, other):
        return "replaced"
r = ReturnsOther()
r += 1
print(r)
class NotImpl:
    def __iadd__(self, other):
        return NotImplemented
    def __add__(self, other):
        return "used __add__"
n = NotImpl()
n += 1
print(n)
class RightSide:
    def __radd__(self, other):
        return f"radd with {other}"
x = 5
x += RightSide()
print(x)
