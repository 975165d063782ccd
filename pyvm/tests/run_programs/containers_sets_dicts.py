# Sets, frozensets, dict methods and views (orders chosen to match CPython).
s = {1, 2, 3}
f = frozenset([2, 3, 4])
print(s | f, f | {5}, s & f, s - f, f - s)
print(frozenset(), set(), repr(frozenset({1})), type(f).__name__)
print(hash(frozenset()), hash(frozenset({1, 2, 3})) == hash(frozenset([3, 2, 1])))
print({frozenset({1}): 'x'}[frozenset([1])], frozenset({1}) == {1})
print({1, 2} <= {1, 2, 3}, {1} < {1}, {1, 2} > {1}, {1}.isdisjoint([2]), {1}.issubset(range(3)))
t = {1}
t.update([2], (3,))
t.intersection_update({1, 2, 3, 4}, [1, 2])
print(t, t.union([5], [6]), t.difference([1]), t.symmetric_difference([2, 3]))
t |= {7}
t -= {1}
print(t, t.pop(), t)
t.discard(99)
try:
    t.remove(99)
except KeyError as e:
    print('KeyError', e)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
print({1, 2} == {2, 1}, {1} in [{1}], {1} in {frozenset({1})})

d = {'a': 1, 'b': 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), 'a' in k, ('a', 1) in it, 2 in v)
d['c'] = 3
print(list(k), list(reversed(d)), list(reversed(d.items())))
print(k & {'a', 'z'}, k - {'a', 'b'}, it == {('a', 1), ('b', 2), ('c', 3)})
print(d == {'c': 3, 'b': 2, 'a': 1}, d != {'a': 1})
print(d.pop('a'), d.pop('zz', None), d.setdefault('e', 5), d.setdefault('e', 6), d.popitem(), d)
d.update({'x': 1}, y=2)
d.update([('q', 9)])
print(d, dict.fromkeys('ab', 0), d | {'new': 1})
d |= [('w', 0)]
print(d, d.copy() == d, d.copy() is d)
d.clear()
print(d)
for bad in (lambda: {}.pop('k'), lambda: {}.popitem(), lambda: dict([1]), lambda: dict([(1, 2, 3)])):
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    for key in d2 if False else {'a': 1, 'b': 2}.keys():
        pass
    dd = {'a': 1}
    for key in dd:
        dd['b'] = 2
except RuntimeError as e:
    print('RuntimeError', e)
