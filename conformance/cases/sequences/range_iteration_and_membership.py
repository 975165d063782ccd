# range iteration behaviour: iterators, reversed, membership complexity-independent results, len.
r = range(-5, 20, 4)
it = iter(r)
print("iterator:", next(it), next(it), list(it))
print("reversed range:", list(reversed(r)), list(reversed(range(0))), list(reversed(range(10, 0, -3))))
print("membership for ints and int-like:", 7 in r, -5 in r, 19 in r, 20 in r, True in range(2), 3.0 in range(5), 3.5 in range(5))
class Eq3:
    def __eq__(self, other):
        return other == 3
    __hash__ = None
print("membership for custom objects falls back to iteration:", Eq3() in range(5), Eq3() in range(4, 9))
print("count/index:", r.count(3), r.index(15), range(0, 10, 3).count(9))
print("len of negative step ranges:", len(range(10, 0, -1)), len(range(10, 0, -3)), len(range(0, 10, -1)))
print("range with bools and __index__:", list(range(True, 4)), range(False, True))
print("attribute types:", type(range(3).start).__name__, range(3).step)
print("equality compares sequences:", range(0, 10, 2)[::2] == range(0, 10, 4), range(0) == range(3, 3, 7))
print("range slicing huge:", range(10**20)[10**19:][:3], list(range(10**20)[-3:]))
print("sum/max/min of ranges:", sum(range(101)), max(range(3, 50, 7)), min(range(10, 0, -2)))
print("sorted(range) is list:", sorted(range(3, 0, -1)))
print("range is not an iterator:", hasattr(range(3), "__next__"), iter(range(3)) is not iter(range(3)))
