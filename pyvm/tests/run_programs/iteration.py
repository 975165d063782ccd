names = ["carol", "alice", "bob", "dave"]
print(sorted(names), sorted(names, reverse=True), sorted(names, key=len))
print(sorted([3, 1.5, 2, -1]), sorted((5, 3, 9), key=lambda x: -x))
nums = [5, 2, 8, 1]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)


class Card:
    def __init__(self, rank):
        self.rank = rank

    def __lt__(self, other):
        return self.rank < other.rank

    def __repr__(self):
        return "Card(" + str(self.rank) + ")"


print(sorted([Card(3), Card(1), Card(2)]))
for i, name in enumerate(names):
    print(i, name)
print(list(enumerate("ab", 10)), list(zip(names, range(3))), list(zip()))
for a, b, c in zip([1, 2], "xy", (True, False)):
    print(a, b, c)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
