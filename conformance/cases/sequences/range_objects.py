# range objects: lazy, indexable, sliceable, comparable, with big bounds.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2], r.start, r.stop, r.step)
print("slice gives range:", r[1:4], r[::-1], r[::2], list(r[::-1]))
print("contains:", 5 in r, 6 in r, 5.0 in r, "5" in r)
print("index/count:", r.index(11), r.count(11), r.count(12))
try:
    r.index(12)
except ValueError as e:
    print("index missing:", e)
print("negative step:", list(range(5, 0, -2)), list(range(0, 5, -1)), len(range(10, 0, -3)))
print("empty ranges:", list(range(0)), list(range(5, 5)), bool(range(0)), bool(range(1)))
try:
    range(0, 5, 0)
except ValueError as e:
    print("zero step:", e)
try:
    range(1.5)
except TypeError as e:
    print("float arg:", e)
big = range(0, 10**18, 7)
print("big range:", len(big), big[-1], 7 * 10**16 in big, big[10**16])
try:
    len(range(2**64))
except OverflowError as e:
    print("len overflow:", e)
print("range(2**64)[-1]:", range(2**64)[-1])
print("equality by sequence:", range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 4, 2) == range(0, 3, 2), range(1) == [0])
print("hash equal ranges:", hash(range(0, 3)) == hash(range(0, 3, 1)))
try:
    r[100]
except IndexError as e:
    print("out of range:", e)
print("reversed:", list(reversed(range(3))), list(reversed(range(1, 10, 4))))
print("repr:", repr(range(3)), repr(range(1, 5, 2)), repr(range(0, -3, -1)))
try:
    range()
except TypeError as e:
    print("no args:", e)
