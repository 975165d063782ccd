import _operator as op
import _functools
print(op.add(1, 2), op.sub(5, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.lshift(1, 4), op.rshift(256, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.neg(3), op.pos(-3), op.invert(5), op.inv(5), op.abs(-4.5), op.abs(-7), op.not_(0), op.truth([1]))
print(op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1), op.gt(1, 2), op.ge(3, 2))
print(op.is_(None, None), op.is_not(1, None), op.index(7), op.index(True))
print(op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1, 1], 1), op.indexOf("abc", "c"))
d = {"a": 1}
op.setitem(d, "b", 2)
print(op.getitem(d, "b"), d)
op.delitem(d, "a")
print(d)
l = [1]
r = op.iadd(l, [2])
print(r is l, l, op.iadd(1, 2), op.isub(5, 1), op.imul(2, 3))
print(op.length_hint([1, 2, 3]), op.length_hint(iter([]), 5), op.length_hint(5, 2))
print(op.call(max, 3, 9, 4), op._compare_digest("abc", "abc"), op._compare_digest("abc", "abd"))
g = op.itemgetter(1)
print(g([1, 2, 3]), g("xy"), op.itemgetter(0, 2)("abc"), g, op.itemgetter(0, "k"))
class P:
    def __init__(self):
        self.x = 1
        self.child = self
print(op.attrgetter("x")(P()), op.attrgetter("child.child.x", "x")(P()), op.attrgetter("a.b", "c"))
m = op.methodcaller("upper")
print(m("abc"), op.methodcaller("replace", "a", "b")("aaa"), m, op.methodcaller("f", 1, k=2))
print(type(g), type(m).__name__, sorted([(1, "b"), (0, "c"), (2, "a")], key=op.itemgetter(1)))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: op.add(1))
t(lambda: op.index("a"))
t(lambda: op.concat(1, 2))
t(lambda: op.indexOf([1], 2))
t(lambda: op.attrgetter(1))
t(lambda: op.itemgetter())
t(lambda: op.methodcaller())
t(lambda: op.methodcaller(1))
t(lambda: op.attrgetter("nope")(P()))
t(lambda: op.itemgetter(5)([1]))
t(lambda: op._compare_digest(1, 2))
t(lambda: op.length_hint(1, "x"))

reduce, partial, cmp_to_key = _functools.reduce, _functools.partial, _functools.cmp_to_key
print(reduce(op.add, [1, 2, 3, 4]), reduce(op.add, [], 10), reduce(lambda a, b: a * b, range(1, 6), 1))
t(lambda: reduce(op.add, []))
t(lambda: reduce())
t(lambda: reduce(op.add, [], 1, 2))
t(lambda: reduce(op.add, 5))
def f(a, b, c=0, *, d=1):
    return (a, b, c, d)
p = partial(f, 1, d=4)
print(p(2), p(2, 3), p(2, d=5), p.func is f, p.args, p.keywords)
q = partial(p, 9, c=7)
print(q(), q.func is f, q.args, q.keywords)
print(repr(partial(len, 1, a=2))[:34], type(p), type(p).__name__)
t(lambda: partial())
t(lambda: partial(1))
t(lambda: p())
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(K(1) < K(2), K(2) <= K(1), K(3) == K(3), K(5).obj)
t(lambda: K(1) < 1)
