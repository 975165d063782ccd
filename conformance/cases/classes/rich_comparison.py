# Rich comparisons: reflection, NotImplemented, default identity equality.
class P:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print(f"  {self.v}.__lt__({other.v})")
        if not isinstance(other, P):
            return NotImplemented
        return self.v < other.v
    def __eq__(self, other):
        print(f"  {self.v}.__eq__")
        if not isinstance(other, P):
            return NotImplemented
        return self.v == other.v

class Q:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        print(f"  Q{self.v}.__gt__")
        return "q-gt"

print("P<P:", P(1) < P(2))
print("P>P reflected to __lt__:", P(1) > P(2))
print("P<Q reflects to Q.__gt__:", P(1) < Q(2))
print("P==P:", P(1) == P(1))
print("P!=P derived from __eq__:", P(1) != P(2))
try:
    P(1) <= P(2)
except TypeError as e:
    print("<= missing:", e)

class Plain: pass
a, b = Plain(), Plain()
print("identity eq:", a == a, a == b, a != b)
try:
    a < b
except TypeError as e:
    print("plain <:", e)

class SubP(P):
    def __gt__(self, other):
        print("  SubP.__gt__ first")
        return True
print("P<SubP:", P(1) < SubP(2))

class AlwaysEq:
    def __eq__(self, other):
        return True
print("list contains uses ==:", AlwaysEq() in [1, 2])
print("[x]==[AlwaysEq]:", [5] == [AlwaysEq()])
nan = float("nan")
print("identity shortcut in list:", [nan] == [nan], nan == nan)
print("chained:", 1 < 2 < 3, 1 < 3 < 2)

class Weird:
    def __eq__(self, other):
        return 42
print("eq returns non-bool:", Weird() == 1)
print("ne derived from non-bool:", Weird() != 1)
