# Comprehensions call iter() once on the outermost iterable and next() until exhaustion.
class Counting:
    def __init__(self, n):
        self.n = n
        self.iters = 0
    def __iter__(self):
        self.iters += 1
        return iter(range(self.n))
c = Counting(3)
print([x for x in c], [x for x in c], c.iters)
class Manual:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print([x * 2 for x in Manual()])
inner_calls = []
def inner(i):
    inner_calls.append(i)
    return range(i)
print([(i, j) for i in range(3) for j in inner(i)], inner_calls)
print({c: ord(c) for c in "hi"}, {len(w) for w in ["a", "bb", "cc"]})
print([y for x in [[1, 2], [3]] for y in x if y % 2])
