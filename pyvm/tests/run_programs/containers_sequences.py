# list/tuple methods, slice assignment and deletion, iteration builtins.
l = [1, 2, 3, 4, 5]
l[1:3] = 'ab'
print(l)
l[::2] = [0, 0, 0]
print(l)
del l[::2]
print(l)
l[1:1] = [7, 8]
print(l)
l *= 2
print(l, l.index('a'), l.count('a'), l.index(8, 3, 9))
l.remove('a')
l.reverse()
print(l, l.copy())
try:
    l[::2] = [1]
except ValueError as e:
    print('ValueError', e)
try:
    l[0:1] = 5
except TypeError as e:
    print('TypeError', e)
try:
    l.index(99)
except ValueError as e:
    print('ValueError', e)
try:
    [].remove(1)
except ValueError as e:
    print('ValueError', e)
l.clear()
print(l, (1, 2, 1).count(1), (1, 2).index(2))
x = [1]
x.append(x)
print(x)
print(list(map(lambda a, b: a + b, [1, 2], [3, 4, 5])), list(filter(None, [0, 1, 2])))
print(list(filter(lambda v: v % 2, range(7))), list(reversed([1, 2, 3])), list(reversed('abc')))
print(all([1, 2]), any([]), all([]), any(x > 3 for x in range(5)))
print(min([3, 1], key=lambda v: -v), max([], default=7), max(1, 5, 3), min('bca'))
print(sum([1, 2], start=10), sum([[1], [2]], []), sum(range(5)))
for bad in (lambda: max(), lambda: min([]), lambda: max(1, 2, default=0), lambda: sum(['a'], ''),
            lambda: reversed({1}), lambda: iter(1, 2), lambda: map(len)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
vals = iter([1, 2, 0, 3])
print(list(iter(lambda: next(vals), 0)))
print(range(10).index(3), range(0, 10, 2).count(4), list(reversed(range(3))), range(0, 3) == range(3))
print(slice(1, 2).indices(10), slice(5), slice(None, None, -1).indices(4))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())), 3 in map(abs, [-3]))
