# sorted() on dict views, sets of ints, tuples, strings, generators and custom iterables.
d = {"banana": 3, "apple": 1, "cherry": 2}
print(sorted(d), sorted(d.values()), sorted(d.items()), sorted(d, key=d.__getitem__))
print(sorted({5, 3, 9, 1}), sorted(frozenset([2, 1])), sorted((3, 2, 1)))
print(sorted("sorting"), sorted(b"bytes"), sorted(bytearray(b"zy")))
print(sorted(x * x for x in range(-3, 4)))
class Bag:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
print(sorted(Bag(3, 1, 2)), sorted(Bag()))
import collections
c = collections.Counter("mississippi")
print(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])), c.most_common(2))
print(sorted(collections.deque([3, 1, 2])), sorted(range(5, 0, -1)))
