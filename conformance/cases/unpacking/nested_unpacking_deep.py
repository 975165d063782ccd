# Deeply nested targets and starred targets in nested positions.
data = (1, (2, (3, (4, (5, 6)))))
a, (b, (c, (d, (e, f)))) = data
print(a, b, c, d, e, f)
[a, [b, *c], *d] = [1, [2, 3, 4], 5, 6]
print(a, b, c, d)
((x1, y1), (x2, y2)) = ((0, 1), (2, 3))
print(x1 + x2, y1 + y2)
records = [("alice", (30, ["x", "y"])), ("bob", (25, []))]
for name, (age, [*tags]) in records:
    print(name, age, tags)
try:
    a, (b, c) = 1, (2, 3, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    a, (b, c) = 1, 2
except TypeError as e:
    print("TypeError:", e)
head, *(mid1, mid2), tail = (0, 1, 2, 3)
print(head, mid1, mid2, tail)
