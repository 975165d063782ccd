import _heapq as hq
import _bisect as bs
import _string
import _contextvars as cv

h = []
for x in [5, 1, 8, 3, 2, 9, 0]:
    hq.heappush(h, x)
print(h, hq.heappop(h), h)
data = [9, 4, 7, 1, 8, 2]
hq.heapify(data)
print(data, [hq.heappop(data) for _ in range(len(data))])
h = [1, 3, 2]
print(hq.heapreplace(h, 7), h, hq.heappushpop(h, 0), h, hq.heappushpop(h, 10), h)
m = [1, 5, 3, 9]
hq._heapify_max(m)
print(m, hq._heappop_max(m), m, hq._heapreplace_max(m, 2), m)
t = [(2, "b"), (1, "a"), (3, "c")]
hq.heapify(t)
print(hq.heappop(t), hq.heappop(t))
def tr(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
tr(lambda: hq.heappop([]))
tr(lambda: hq.heappush((), 1))
tr(lambda: hq.heapreplace([], 1))
tr(lambda: hq.heappush([1, "a"], 2))

a = [1, 2, 4, 4, 8]
print(bs.bisect_left(a, 4), bs.bisect_right(a, 4), bs.bisect_right(a, 0), bs.bisect_right(a, 9), bs.bisect_left(a, 4, 3), bs.bisect_right(a, 4, 0, 2))
bs.insort_right(a, 3)
bs.insort_left(a, 4)
bs.insort_right(a, 100)
print(a)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bs.bisect_left(recs, 3, key=lambda r: r[1]), bs.bisect_right(recs, 3, key=lambda r: r[1]))
bs.insort_right(recs, ("z", 4), key=lambda r: r[1])
print(recs)
tr(lambda: bs.bisect_right([1], 1, -1))
tr(lambda: bs.bisect_left())

print(list(_string.formatter_parser("a{0!r:>{w}}b{{c}}{x.y[0]}")))
print(list(_string.formatter_parser("")), list(_string.formatter_parser("{}")), list(_string.formatter_parser("}}x")))
f, r = _string.formatter_field_name_split("0[key].attr[1]")
print(f, type(f), list(r))
f, r = _string.formatter_field_name_split("name")
print(repr(f), list(r))
tr(lambda: list(_string.formatter_parser("{")))
tr(lambda: _string.formatter_parser(1))

v = cv.ContextVar("v", default=1)
print(v.name, v.get(), repr(v)[:30])
tok = v.set(5)
print(tok.var is v, tok.old_value, cv.Token.MISSING, v.get())
ctx = cv.copy_context()
print(type(ctx), len(ctx), ctx[v], v in ctx, ctx.get(v), list(ctx.keys()) == [v])
v.reset(tok)
print(v.get())
def f(a):
    v.set(a)
    return v.get()
print(ctx.run(f, 9), v.get(), ctx[v])
w = cv.ContextVar("w")
try:
    w.get()
except LookupError as e:
    print('LookupError', e.args[0] is w)
print(w.get(7))
try:
    v.reset(tok)
except RuntimeError as e:
    print('RuntimeError', str(e).endswith('has already been used once'))
tr(lambda: cv.ContextVar(1))
tr(lambda: ctx[1])
print(len(cv.Context()), list(cv.Context()))
