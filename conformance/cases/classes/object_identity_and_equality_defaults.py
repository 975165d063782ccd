# Default equality is identity; `is` vs `==` for user objects, containers use identity shortcut before ==.
class Plain:
    pass
a, b = Plain(), Plain()
print("default ==:", a == a, a == b, a != b, a is a, a is b)
class NeverEqual:
    def __eq__(self, other):
        return False
    __hash__ = object.__hash__
n = NeverEqual()
print("never-equal object:", n == n, n in [n], [n] == [n], [n].count(n), [n].index(n), (n,) == (n,))
print("dict lookup uses identity first:", {n: 1}[n])
nan = float("nan")
print("nan in containers:", nan in [nan], [nan] == [nan], nan in {nan}, {nan: 1}.get(nan))
class Counter:
    calls = 0
    def __eq__(self, other):
        Counter.calls += 1
        return True
    __hash__ = object.__hash__
c = Counter()
_ = c in [c, c, c]
print("identity shortcut avoids __eq__ calls:", Counter.calls)
_ = Counter() in [c]
print("different object calls __eq__:", Counter.calls)
print("is not for None checks:", (lambda x: x is None)(None), (lambda x: x is not None)(0))
