# Sequence unpacking into targets: nested, starred, into subscripts/attributes, evaluation order.
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
first, *middle, last = range(6)
print(first, middle, last)
*only, = "xyz"
print(only)
l = [0, 0, 0]
l[0], l[2] = "a", "c"
print("into subscripts:", l)
class O:
    pass
o = O()
o.x, o.y = 1, 2
print("into attributes:", o.x, o.y)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print("left-to-right assignment:", i, lst)
x, y = y, x = 1, 2
print("chained targets:", x, y)
for (k, v), n in zip({"a": 1, "b": 2}.items(), count := [7, 8]):
    print("nested for target:", k, v, n)
try:
    p, q = [1]
except ValueError as e:
    print("too few:", e)
try:
    p, *q, r = [1]
except ValueError as e:
    print("starred too few:", e)
try:
    p, q = 5
except TypeError as e:
    print("non-iterable:", e)
s = "ab"
s1, s2 = s
print("string unpack:", s1, s2)
(m,) = [42]
[n] = (43,)
print("single-element forms:", m, n)
d = {}
d["k"], d["j"] = range(2)
print("dict targets:", d)
