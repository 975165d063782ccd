# Chained assignments with unpacking, and targets that are attributes and subscripts.
a = b = c = [1, 2]
x, y = z = (3, 4)
print(a is b is c, x, y, z)
class O:
    pass
o = O()
o.p, o.q = [10, 20]
d = {}
d["first"], (d["second"], o.r) = 1, (2, 3)
print(o.p, o.q, o.r, d)
lst = [0] * 4
lst[0], lst[1:3], lst[-1] = "a", "bc", "d"
print(lst)
i, lst2 = 0, [9, 9]
i, lst2[i] = 1, 5
print(i, lst2)
(m, n), k = p = ([1, 2], 3)
print(m, n, k, p)
