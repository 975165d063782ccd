# operator.i* functions follow augmented-assignment semantics; operator functions dispatch like operators.
import operator as op
l = [1]
r = op.iadd(l, [2])
print("iadd on list mutates:", r is l, l)
t = (1,)
r = op.iadd(t, (2,))
print("iadd on tuple returns new:", r, t)
s = {1}
print("ior on set:", op.ior(s, {2}) is s, sorted(s))
print("inumbers return new values:", op.iadd(1, 2), op.imul(3, 4), op.ipow(2, 5), op.ifloordiv(7, 2), op.imatmul.__name__)
class R:
    def __radd__(self, other):
        return f"radd({other})"
    def __rlshift__(self, other):
        return f"rlshift({other})"
print("reflection through operator functions:", op.add(1, R()), op.lshift(1, R()), op.iadd(1, R()))
class Cmp:
    def __eq__(self, other):
        return "eq-called"
print("eq returns non-bool:", op.eq(Cmp(), 1), op.ne(Cmp(), 1))
print("not_ / truth use __bool__/__len__:", op.not_([]), op.truth(range(1)))
print("concat requires sequences:", op.concat("a", "b"))
try:
    op.concat(1, 2)
except TypeError as e:
    print("concat ints:", e)
print("contains order (container first):", op.contains([1, 2], 2), op.countOf("banana", "a"))
print("getitem with slice:", op.getitem("hello", slice(1, 3)))
d = {}
op.setitem(d, "k", 1)
op.delitem(d, "k")
print("set/del item on dict:", d)
print("abs/neg/pos/inv/index:", op.abs(-2.5), op.neg(-0.0), op.pos(True), op.inv(0), op.index(True))
