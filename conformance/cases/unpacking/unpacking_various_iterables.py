# Unpacking sets (of ints), dicts, strings, generators, ranges, bytes and custom iterators.
a, b, c = range(3)
print(a, b, c)
x, y = b"hi"
print(x, y)
k1, k2 = {"one": 1, "two": 2}.values()
print(k1, k2)
s1, s2, s3 = sorted({3, 1, 2})
print(s1, s2, s3)
g1, g2 = (i * i for i in range(2))
print(g1, g2)
class Three:
    def __iter__(self):
        yield "p"
        yield "q"
        yield "r"
p, *qr = Three()
print(p, qr)
class GetItemOnly:
    def __getitem__(self, i):
        if i < 2:
            return i * 100
        raise IndexError
u, v = GetItemOnly()
print(u, v)
first, second = "é€"
print(first, second)
(m, n), = [(5, 6)]
print(m, n)
