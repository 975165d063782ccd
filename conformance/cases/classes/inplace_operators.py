# Augmented assignment prefers __iXXX__, falls back to __XXX__ and reflected.
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, other):
        self.v += other
        return self
    def __add__(self, other):
        return Acc(self.v + other + 1000)
    def __isub__(self, other):
        return NotImplemented
    def __sub__(self, other):
        return Acc(self.v - other)

a = Acc(1)
ident = a
a += 5
print("iadd in place:", a.v, a is ident)
a -= 2
print("isub NotImplemented falls back to sub:", a.v, a is ident)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return OnlyAdd(self.v + other)
b = OnlyAdd(1)
old = b
b += 1
print("no iadd, new object:", b.v, b is not old)

class R:
    def __rmul__(self, other):
        return "rmul:" + repr(other)
x = 3
x *= R()
print("imul falls back to reflected:", x)

lst = [1]
alias = lst
lst += (2, 3)
print("list += tuple extends in place:", alias)
t = (1,)
t2 = t
t += (2,)
print("tuple += new object:", t, t2)
try:
    lst2 = [1]
    lst2 = lst2 + (2,)
except TypeError as e:
    print("list + tuple:", e)

class Ret:
    def __ior__(self, other):
        return "replaced"
r = Ret()
r |= 1
print("__ior__ result assigned:", r)

tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print("tuple item iadd:", type(e).__name__, e)
print("but list mutated:", tup)
class NoOps: pass
n = NoOps()
try:
    n **= 2
except TypeError as e:
    print("no ops:", e)
