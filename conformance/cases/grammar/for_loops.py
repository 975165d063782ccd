# for loops over various iterables: ranges, strings, dicts, enumerate, zip, reversed.
for i in range(3):
    print(i, end=" ")
print()
for ch in "héllo":
    print(ch, end="|")
print()
d = {"b": 2, "a": 1}
for k in d:
    print(k, d[k], end="; ")
print()
for i, (k, v) in enumerate(d.items(), start=1):
    print(i, k, v)
for a, b in zip("xyz", range(10)):
    print(a, b, end=" ")
print()
for x in reversed([1, 2, 3]):
    print(x, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
lst = [1, 2, 3]
for x in lst:
    if x == 2:
        lst.append(4)
print(lst)
for _ in []:
    print("never")
else:
    print("else on empty loop")
total = 0
for row in [[1, 2], [3, 4]]:
    for v in row:
        total += v
print(total, v, row)
