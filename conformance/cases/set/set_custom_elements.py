# Sets use __hash__ and __eq__ of elements; which element is kept on collision.
class P:
    def __init__(self, name, key):
        self.name, self.key = name, key
    def __hash__(self):
        return hash(self.key)
    def __eq__(self, other):
        return isinstance(other, P) and self.key == other.key
    def __repr__(self):
        return self.name
s = {P("first", 1), P("second", 1), P("third", 2)}
print("first inserted kept:", sorted(repr(x) for x in s))
s.add(P("fourth", 2))
print("add equal keeps existing:", sorted(repr(x) for x in s))
print("membership by equality:", P("other", 1) in s, P("x", 3) in s)
u = {P("a", 1)} | {P("b", 1), P("c", 5)}
print("union keeps left operand element:", sorted(repr(x) for x in u))
class Counting:
    eq_calls = 0
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 0
    def __eq__(self, other):
        Counting.eq_calls += 1
        return self.v == other.v
items = {Counting(i) for i in range(5)}
print("all collide but distinct:", len(items), Counting.eq_calls > 0)
class NoEqHash:
    pass
a = NoEqHash()
print("identity-based elements:", len({a, a, NoEqHash()}))
print("1 and True collide:", {1, True} == {1}, len({True, 1.0, 1}))
