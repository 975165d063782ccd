# __iter__ written as a generator, iterator protocol objects, and reusable iterables.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c), sum(c))
class Tree:
    def __init__(self, value, *children):
        self.value, self.children = value, children
    def __iter__(self):
        yield self.value
        for ch in self.children:
            yield from ch
    def depth_first_pairs(self, depth=0):
        yield depth, self.value
        for ch in self.children:
            yield from ch.depth_first_pairs(depth + 1)
t = Tree(1, Tree(2, Tree(4)), Tree(3))
print(list(t), list(t.depth_first_pairs()))
print(3 in t, 5 in t, max(t), sorted(t, reverse=True))
it = iter(c)
print(next(it), next(it), list(it))
class Squares:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i ** 2
s = Squares(4)
print(list(s), list(s))
