# Unpacking assignment: tuples, lists, nesting, swaps, and any iterable on the right.
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
[p, q] = "pq"
print(p, q)
k1, k2 = {"first": 1, "second": 2}
print(k1, k2)
i, j = iter([10, 20])
print(i, j)
m, = [99]
print(m)
(n,) = (7,)
print(n)
[] = []
() = ()
print("empty unpacking ok")
for idx, (ch, num) in enumerate(zip("ab", [1, 2])):
    print(idx, ch, num)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
class O:
    pass
o = O()
o.a, o.b = 1, 2
print(o.a, o.b)
d = {}
d["x"], d["y"] = range(2)
print(d)
