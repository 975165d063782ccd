# Tuples vs lists: immutability of the container (not contents), += on tuples in containers, hashability, sizes of ops.
t = ([1], 2)
t[0].append(3)
print("tuple contents mutable:", t)
lst = [(1, 2)]
lst[0] += (3,)
print("augmented assignment on tuple element rebinds slot:", lst)
try:
    t[0] += [4]
except TypeError as e:
    print("error but list was extended:", e, t)
print("tuple methods:", [m for m in dir(tuple) if not m.startswith("_")], "list extra:", sorted(n for n in set(dir(list)) - set(dir(tuple)) if not n.startswith("_")))
print("hash(tuple) ok, hash(list) not:", hash((1, 2)) == hash((1, 2)), end=" ")
try:
    hash([1, 2])
except TypeError as e:
    print("|", e)
print("tuple() vs list() from generator:", tuple(i for i in range(3)), list(i for i in range(3)))
print("comparison across types is False/TypeError:", (1, 2) == [1, 2], end=" ")
try:
    (1, 2) < [1, 3]
except TypeError as e:
    print("|", e)
print("named tuples are tuples:", isinstance(__import__("collections").namedtuple("P", "x")(1), tuple))
print("sorted returns list even for tuple input:", type(sorted((2, 1))).__name__, tuple(sorted((2, 1))))
