# Sorting objects with __lt__ only, functools.total_ordering, cmp_to_key and reverse.
import functools
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return self.s
vs = [Version(v) for v in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs), max(vs), min(vs))
print(sorted(vs, reverse=True))
def by_length_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=functools.cmp_to_key(by_length_then_alpha)))
@functools.total_ordering
class Card:
    order = "23456789TJQKA"
    def __init__(self, r):
        self.r = r
    def __eq__(self, o):
        return self.r == o.r
    def __lt__(self, o):
        return self.order.index(self.r) < self.order.index(o.r)
    def __repr__(self):
        return self.r
hand = [Card(c) for c in "KA2T9"]
print(sorted(hand), Card("K") >= Card("Q"), Card("2") <= Card("2"))
class OnlyGt:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return f"G{self.v}"
print(sorted([OnlyGt(3), OnlyGt(1), OnlyGt(2)]))
