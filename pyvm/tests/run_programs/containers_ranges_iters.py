# Big-int ranges, iterator type names, zip(strict=True), iter() results.
big = range(2**60, 2**60 + 3)
print(big, list(big), len(big), big[-1], 2**60 + 1 in big, 2.0 in range(3), big == range(2**60, 2**60 + 3))
r = range(0, 2**70, 2**60)
print(r, r[3], 2**61 in r, bool(range(2**70, 2**70)), list(reversed(big)))
try:
    len(range(2**64))
except OverflowError as e:
    print('OverflowError', e)
print(range(2**64)[-1], range(2**64).index(5), range(2**64).count(2**63))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter(range(2))).__name__,
      type(iter('ab')).__name__, type(iter('é')).__name__, type(reversed([])).__name__,
      type(iter({})).__name__, type(iter(set())).__name__, type({}.items()).__name__,
      type(iter({}.values())).__name__, type(reversed({})).__name__)
for args in (([1, 2], [1, 2, 3]), ([1, 2, 3], [1, 2]), ([1], [1], [1, 2]), ([1, 2], [1, 2], [1])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print('ValueError', e)
class Bad:
    def __iter__(self):
        return [1, 2]
class Good:
    def __iter__(self):
        return iter([1, 2])
try:
    iter(Bad())
except TypeError as e:
    print('TypeError', e)
print(list(Good()))
for f in (lambda: {}.keys() & 1, lambda: [].sort(reverse=None), lambda: [1].index(1, 'a')):
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
print([1, 2] - {}.keys(), {1: 0}.keys() ^ [2])
print(hash(range(0)) == hash(range(5, 5)), hash(range(1, 2)) == hash(range(1, 2, 5)), {range(3): 1}[range(0, 3, 1)])
for f in (lambda: zip([], x=2), lambda: range(3).index(1.5), lambda: range(3).index(7)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Huge:
    def __len__(self):
        return 2**70
try:
    len(Huge())
except OverflowError as e:
    print('OverflowError', e)
print(dict.fromkeys("ab"), {}.fromkeys([1], 0))
