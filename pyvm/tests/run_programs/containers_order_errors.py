# Set iteration order as CPython's table gives it, method argument errors,
# sort mutation detection, lazy unpacking, container dunders, ranges.
print({3, 1, 2}, {9, 1}, {x for x in (9, 1, 2, 3, 4)}, set([-1, -2, 5, 100, 33]))
print(list({10, 2, 7}), sorted({10, 2, 7}), frozenset([5, 4, 3]), {(1, 2), (0, 1)})
s = {30, 20, 10}
print(s.pop(), s)
tests = [
    ('{}.get()', lambda: {}.get()),
    ('{}.pop()', lambda: {}.pop()),
    ('[].append()', lambda: [].append()),
    ('[].pop(1, 2)', lambda: [].pop(1, 2)),
    ('[].insert(1)', lambda: [].insert(1)),
    ('set().add()', lambda: set().add()),
    ('[].index()', lambda: [].index()),
    ('().count()', lambda: ().count()),
    ('{}.popitem(1)', lambda: {}.popitem(1)),
    ('{}.keys(1)', lambda: {}.keys(1)),
    ('[].copy(1)', lambda: [].copy(1)),
    ('set().pop(1)', lambda: set().pop(1)),
    ('{}.update(1, 2)', lambda: {}.update(1, 2)),
    ('dict.fromkeys()', lambda: dict.fromkeys()),
    ('[].append(x=1)', lambda: [].append(x=1)),
    ('{}.get(k=1)', lambda: {}.get(k=1)),
    ('[].sort(1)', lambda: [].sort(1)),
    ('sorted([], cmp=1)', lambda: sorted([], cmp=1)),
    ('set(1, 2)', lambda: set(1, 2)),
    ('list(1, 2)', lambda: list(1, 2)),
    ('[] * 1.5', lambda: [] * 1.5),
    ('range(3)[1.5]', lambda: range(3)[1.5]),
    ('set().union(x=1)', lambda: set().union(x=1)),
    ('max(1, 2, foo=1)', lambda: max(1, 2, foo=1)),
    ('[].pop("a")', lambda: [].pop("a")),
    ('[*1.0]', lambda: [*1.0]),
    ('{**1}', lambda: {**1}),
    ('set().symmetric_difference_update(1, 2)', lambda: set().symmetric_difference_update(1, 2)),
    ('set().isdisjoint()', lambda: set().isdisjoint()),
    ('range(3)[5]', lambda: range(3)[5]),
]
for t, f in tests:
    try:
        f()
    except Exception as e:
        print(t, '->', type(e).__name__, e)
data = [3, 2, 1]
def key(x):
    data.append(x)
    return x
try:
    data.sort(key=key)
except ValueError as e:
    print('ValueError', e, data)
it = iter(range(10))
try:
    a, b = it
except ValueError as e:
    print('ValueError', e, next(it))
l = [1, 2]
print(list.__getitem__(l, 1), l.__len__(), l.__contains__(2), l.__iadd__([3]), l)
list.__setitem__(l, 0, 9)
l.__delitem__(1)
print(l, (1, 2).__add__((3,)), [1].__mul__(2), list(l.__iter__()))
r = range(0, 20, 3)
print(r.start, r.stop, r.step, r[1:4], r[::-1], r[-1], slice(1, 2, 3).step, 4 in r, 6 in r)
d = {'a': 1}
print({**d, 'b': 2}, d.keys() <= {'a', 'b'}, {'a'} < d.keys(), d.items() >= {('a', 1)})
