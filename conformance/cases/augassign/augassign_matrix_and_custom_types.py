# Augmented operators on a small vector class implementing in-place and binary forms differently.
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
    def __iadd__(self, other):
        for i, b in enumerate(other.xs):
            self.xs[i] += b
        return self
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    def __rmul__(self, k):
        return self * k
    def __imatmul__(self, other):
        self.xs = [sum(a * b for a, b in zip(self.xs, other.xs))]
        return self
    def __repr__(self):
        return f"Vec{tuple(self.xs)}"
v = Vec(1, 2)
alias = v
v += Vec(10, 20)
print(v, alias is v)
w = v
w = w + Vec(1, 1)
print(w, v, w is v)
v *= 3
print(v, alias, v is alias)
u = Vec(1, 2, 3)
u @= Vec(4, 5, 6)
print(u)
z = 2 * Vec(1, 1)
print(z)
