# Binary operators: NotImplemented fallbacks, reflected operands, subclass priority.
class V:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        if isinstance(other, V):
            return V(self.n + other.n)
        if isinstance(other, int):
            return V(self.n + other)
        return NotImplemented
    def __radd__(self, other):
        print("  V.__radd__ called with", type(other).__name__)
        if isinstance(other, int):
            return V(other + self.n)
        return NotImplemented
    def __repr__(self):
        return f"V({self.n})"

print("V+V:", V(1) + V(2))
print("V+int:", V(1) + 10)
print("int+V:", 10 + V(1))
try:
    V(1) + "s"
except TypeError as e:
    print("V+str:", e)
try:
    "s" + V(1)
except TypeError as e:
    print("str+V:", e)

class SubV(V):
    def __radd__(self, other):
        print("  SubV.__radd__ first")
        return V(-1)
print("V+SubV (subclass reflected first):", V(1) + SubV(2))

class NotSub:
    def __radd__(self, other):
        print("  NotSub.__radd__")
        return "radd"
print("V+NotSub:", V(1) + NotSub())

class OnlyRight:
    def __rsub__(self, other):
        return f"rsub({other})"
    def __rmul__(self, other):
        return f"rmul({other})"
    def __rpow__(self, other):
        return f"rpow({other})"
    def __rtruediv__(self, other):
        return f"rtruediv({other})"
    def __rmatmul__(self, other):
        return f"rmatmul({other})"
o = OnlyRight()
print(5 - o, 5 * o, 5 ** o, 5 / o, [1] @ o if False else 5 @ o)
try:
    o - 5
except TypeError as e:
    print("forward missing:", e)
try:
    V(1) < V(2)
except TypeError as e:
    print("ordering missing:", e)
