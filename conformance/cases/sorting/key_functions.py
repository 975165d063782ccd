# Keys from operator.itemgetter/attrgetter, str.lower, and multi-level keys.
from operator import itemgetter, attrgetter, methodcaller
rows = [("bob", 25, "NY"), ("amy", 31, "LA"), ("cat", 25, "LA"), ("dan", 19, "NY")]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(2, 0)))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
    def __repr__(self):
        return self.name
people = [P(n, a) for n, a, _ in rows]
print(sorted(people, key=attrgetter("age", "name")))
print(sorted(["Banana", "apple", "Cherry"]), sorted(["Banana", "apple", "Cherry"], key=str.lower))
print(sorted(["  b", "a ", " c"], key=methodcaller("strip")))
print(sorted(range(-5, 6), key=abs))
print(sorted(range(10), key=lambda x: (x % 3, -x)))
d = {"x": 3, "y": 1, "z": 2}
print(sorted(d), sorted(d, key=d.get), sorted(d.items(), key=itemgetter(1), reverse=True))
print(max(rows, key=itemgetter(1)), min(rows, key=lambda r: (r[1], r[0])))
