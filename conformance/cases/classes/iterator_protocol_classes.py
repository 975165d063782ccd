# User-defined iterators and iterables.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

c = Countdown(3)
print("list:", list(c))
print("exhausted:", list(c))
print("next default:", next(Countdown(0), "done"))

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(3)
print("re-iterable:", list(r), list(r))
print("unpack:", [*r], sum(r), max(r), sorted(r, reverse=True))
a, b, c2 = r
print("tuple unpack:", a, b, c2)
try:
    x, y = r
except ValueError as e:
    print("unpack too many:", e)
try:
    w, x, y, z = r
except ValueError as e:
    print("unpack too few:", e)

class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("iter returns non-iterator:", e)
class NoNext:
    def __iter__(self):
        return self
try:
    for _ in NoNext():
        pass
except TypeError as e:
    print("no __next__:", e)
try:
    next([1, 2])
except TypeError as e:
    print("next on list:", e)

class Raises:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("inside next")
try:
    list(Raises())
except ValueError as e:
    print("error from __next__:", e)
it = iter([1, 2, 3])
print("iter of iterator is itself:", iter(it) is it)
