# Functions returning tuples unpacked at call sites; divmod, enumerate and dict.items.
def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, mean = stats([3, 1, 4, 1, 5])
print(lo, hi, mean)
q, r = divmod(17, 5)
print(q, r)
(lo2, *_), last = sorted([5, 2, 9]), "end"
print(lo2, last)
def swap_pairs(pairs):
    return [(b, a) for a, b in pairs]
print(swap_pairs([(1, 2), (3, 4)]))
name, _, domain = "user@example.com".partition("@")
print(name, domain)
key, sep, value = "novalue".partition("=")
print(repr(key), repr(sep), repr(value))
head, *tail = "a,b,c".split(",")
print(head, tail)
def gen_pair():
    yield "left"
    yield "right"
l, r = gen_pair()
print(l, r)
