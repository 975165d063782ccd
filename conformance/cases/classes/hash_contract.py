# Hashing contracts: __eq__ without __hash__ disables hashing; inheritance of __hash__.
class EqOnly:
    def __eq__(self, other):
        return True
print("__hash__ is None:", EqOnly.__hash__ is None)
try:
    hash(EqOnly())
except TypeError as e:
    print("hash EqOnly:", e)
try:
    {EqOnly()}
except TypeError as e:
    print("set of EqOnly:", e)

class Both:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Both) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
s = {Both(1), Both(1), Both(2)}
print("dedup by eq+hash:", len(s))
d = {Both(3): "three"}
print("lookup with equal key:", d[Both(3)])

class Sub(Both):
    def __eq__(self, other):
        return False
print("subclass overriding __eq__ loses hash:", Sub.__hash__ is None)

class Sub2(Both):
    pass
print("plain subclass keeps hash:", hash(Sub2(5)) == hash(5))

class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print("non-int hash:", e)

class BigHash:
    def __hash__(self):
        return 2 ** 100
print("big hash reduced:", hash(BigHash()) == hash(2 ** 100))

class MinusOne:
    def __hash__(self):
        return -1
print("hash -1 becomes -2:", hash(MinusOne()))

class Explicit:
    __hash__ = None
try:
    hash(Explicit())
except TypeError as e:
    print("explicit None:", e)
print("int/float/Fraction agree:", hash(1) == hash(1.0), hash(0.5) == hash(__import__("fractions").Fraction(1, 2)))
print("hash of tuples of ints stable:", hash((1, 2)) == hash((1, 2)))
print("hash(-1), hash(-2):", hash(-1), hash(-2))
print("hash of small ints:", [hash(i) for i in range(-3, 4)])
