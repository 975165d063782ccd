# Tuples: construction, immutability, packing/unpacking, comparisons, methods.
t = (1, "a", [2])
print("len/index/count:", len(t), t.index("a"), (1, 1, 2).count(1))
try:
    t[0] = 5
except TypeError as e:
    print("immutable:", e)
t[2].append(3)
print("contained list mutable:", t)
print("single and empty:", (1,), (), tuple(), tuple("ab"), tuple([1, 2]), type((1)).__name__)
print("concat/repeat:", (1, 2) + (3,), (0,) * 3, () * 5)
try:
    (1,) + [2]
except TypeError as e:
    print("tuple + list:", e)
print("comparisons:", (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1, 2), () < (0,))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("mixed compare:", e)
print("hashable:", hash((1, 2)) == hash((1, 2)), {(1, 2): "v"}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as e:
    print("hash with list:", e)
a, *rest = (1, 2, 3, 4)
*init, last = "xyz"
print("star unpack:", a, rest, init, last)
(p, q), r = (1, 2), 3
print("nested unpack:", p, q, r)
print("index errors:", end=" ")
try:
    (1, 2).index(3)
except ValueError as e:
    print(e)
try:
    ()[0]
except IndexError as e:
    print("empty index:", e)
print("slices:", (0, 1, 2, 3)[1:3], (0, 1, 2, 3)[::-1], type((0, 1)[:1]).__name__)
print("contains:", 2 in (1, 2), [1] in ([1],))
print("tuple of generator:", tuple(i * i for i in range(4)))
print("repr nested:", ((1,), (), ((2,),)))
