# Binary operators across built-in types: sequence concatenation/repetition, set algebra, dict merge.
print([1] + [2], (1,) + (2,), "a" + "b", b"a" + b"b", bytearray(b"a") + b"b")
print([0] * 3, 3 * (1,), "ab" * 2, 2 * b"x", [[]] * 2)
s, t = {1, 2, 3}, {2, 3, 4}
print(sorted(s | t), sorted(s & t), sorted(s - t), sorted(s ^ t), s <= t, {2} < s, s > {1})
print(frozenset(s) | t == s | t, type(frozenset(s) | t).__name__, type(s | frozenset(t)).__name__)
d1, d2 = {"a": 1, "b": 2}, {"b": 3}
print(d1 | d2, d2 | d1)
print(d1.keys() & d2.keys(), d1.keys() - d2.keys(), sorted(d1.keys() | {"z"}))
print(divmod(7, 2), 7 // 2 * 2 + 7 % 2, -(2 ** 2), (-2) ** 2, 2 ** 3 ** 0)
print("%s-%d" % ("x", 5), "%(k)s" % {"k": "mapped"}, b"%d" % 3)
print([1, 2] == [1, 2], [1, 2] < [1, 3], (1, 2) != (1, 2.0), "a" < "b" < "c")
