# Sorting with composite keys, reverse and key together, None handling, and sorting objects by attributes.
people = [("ann", 31, None), ("bob", 25, "x"), ("cid", 31, "a"), ("dee", 25, None), ("eve", 40, "b")]
print("by age then name desc:", sorted(people, key=lambda p: (p[1], [-ord(c) for c in p[0]])))
print("age desc stable:", [p[0] for p in sorted(people, key=lambda p: p[1], reverse=True)])
print("None last:", [p[0] for p in sorted(people, key=lambda p: (p[2] is None, p[2] or ""))])
try:
    sorted([p[2] for p in people])
except TypeError as e:
    print("None vs str:", e)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print("case-insensitive stable:", sorted(words, key=str.casefold))
print("by length then alpha:", sorted(words, key=lambda w: (len(w), w)))
print("reverse of reverse-sorted equals sorted:", sorted(words, reverse=True)[::-1] == sorted(words))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print("by abs stable:", sorted(nums, key=abs))
print("sort in place twice, second is stable:", (lambda l: (l.sort(key=lambda n: n % 3), l)[1])(sorted(nums)))
from operator import itemgetter, attrgetter
print("itemgetter multi:", sorted(people, key=itemgetter(1, 0))[:3])
class P:
    def __init__(self, n, a):
        self.n, self.a = n, a
    def __repr__(self):
        return self.n
print("attrgetter:", sorted([P("z", 1), P("a", 2), P("m", 1)], key=attrgetter("a", "n")))
print("sort tuples with floats and ints:", sorted([(1, 2.5), (1, 2), (0.5, 9)]))
