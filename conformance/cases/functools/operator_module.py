# operator module: function forms of operators, itemgetter/attrgetter/methodcaller, index, length_hint.
import operator as op
print("arith:", op.add(1, 2), op.sub(5, 3), op.mul("a", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8), op.neg(4), op.pos(-1), op.abs(-3))
print("bitwise:", op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(5), op.lshift(1, 4), op.rshift(16, 2))
print("compare:", op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1), op.gt(1, 2), op.ge(3, 1))
print("logic:", op.not_(0), op.truth([1]), op.is_(None, None), op.is_not(1, None))
print("sequence:", op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.getitem([5, 6], 1))
l = [1, 2, 3]
op.setitem(l, 0, 9); op.delitem(l, 1)
print("setitem/delitem:", l)
print("itemgetter:", op.itemgetter(1)("abc"), op.itemgetter(0, 2)("abc"), op.itemgetter("k")({"k": "v"}), op.itemgetter(slice(1, None))([1, 2, 3]))
print("sort with itemgetter:", sorted([("b", 2), ("a", 2), ("c", 1)], key=op.itemgetter(1, 0)))
class P:
    def __init__(self):
        self.name = "n"
        self.child = self
    def greet(self, who, punct="!"):
        return f"hi {who}{punct}"
print("attrgetter:", op.attrgetter("name")(P()), op.attrgetter("child.child.name", "name")(P()))
print("methodcaller:", op.methodcaller("greet", "bob", punct="?")(P()), op.methodcaller("upper")("abc"))
print("repr:", repr(op.itemgetter(1)), repr(op.attrgetter("a.b")), repr(op.methodcaller("m", 1, k=2)))
x = [1]
print("inplace:", op.iadd(x, [2]) is x, x, op.iadd((1,), (2,)), op.imul("ab", 2))
print("index:", op.index(5), op.length_hint([1, 2]), op.length_hint(iter([]), 7))
for label, fn in [("index(1.5)", lambda: op.index(1.5)), ("itemgetter()", lambda: op.itemgetter()), ("attrgetter(1)", lambda: op.attrgetter(1)),
                  ("add(1)", lambda: op.add(1)), ("indexOf([1], 2)", lambda: op.indexOf([1], 2))]:
    try:
        fn()
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print("matmul exists:", op.matmul.__name__, op.call(len, "abcd"))
