# operator.iadd and friends mirror augmented assignment, including fallback to binary ops.
import operator
lst = [1]
res = operator.iadd(lst, [2])
print(res is lst, lst)
tup = (1,)
res = operator.iadd(tup, (2,))
print(res is tup, res, tup)
print(operator.isub(10, 3), operator.imul("ab", 2), operator.itruediv(7, 2), operator.ifloordiv(7, 2))
print(operator.imod(7, 3), operator.ipow(2, 8), operator.ilshift(1, 4), operator.irshift(64, 3))
print(operator.iand(12, 10), operator.ior(12, 10), operator.ixor(12, 10))
s = {1, 2}
print(operator.ior(s, {3}) is s, s)
print(operator.iconcat([1], (2, 3)))
try:
    operator.iconcat(1, 2)
except TypeError as e:
    print("TypeError:", e)
m = [[1, 0], [0, 1]]
class Mat:
    def __init__(self, v):
        self.v = v
    def __imatmul__(self, other):
        self.v = self.v * other.v
        return self
a = Mat(3)
a @= Mat(4)
print(a.v)
