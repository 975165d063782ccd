# Iterable vs iterator design: containers returning fresh iterators, iterators returning self, nested loops.
class Deck:
    def __init__(self, cards):
        self.cards = cards
    def __iter__(self):
        return DeckIterator(self.cards)
class DeckIterator:
    def __init__(self, cards):
        self.cards, self.i = cards, 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= len(self.cards):
            raise StopIteration
        self.i += 1
        return self.cards[self.i - 1]
d = Deck(["A", "K", "Q"])
print("nested loops over iterable:", [(a, b) for a in d for b in d if a < b])
it = iter(d)
print("nested loops over one iterator:", [(a, b) for a in it for b in it])
print("iterator exhausted stays exhausted:", list(it), next(it, None))
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
from itertools import islice, takewhile
print("infinite iterable bounded:", list(islice(Fib(), 10)), list(takewhile(lambda x: x < 50, Fib())))
class Resettable:
    def __init__(self, n):
        self.n, self.i = n, 0
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
r = Resettable(3)
print("resetting in __iter__:", list(r), list(r))
print("zip over the same resettable object shares state:", list(zip(r, r)))
