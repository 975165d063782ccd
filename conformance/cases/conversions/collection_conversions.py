# Conversions among list, tuple, set, dict, str, and iterables.
print("list/tuple:", list((1, 2)), tuple([1, 2]), list("ab"), tuple(range(3)), list({"a": 1}), tuple({"a": 1}.items()))
print("set then sorted:", sorted(set([3, 1, 3])), sorted(frozenset("aba")))
print("dict from pairs:", dict([(1, "a"), (2, "b")]), dict(zip("abc", range(3))), dict(enumerate("xy")))
print("dict to lists:", list({"a": 1, "b": 2}.values()), [list(p) for p in {"a": 1}.items()])
print("str of collections:", str([1, "a"]), str((1,)), str({1: "x"}), str(set()), str(frozenset()))
print("join numbers requires str:", ",".join(map(str, [1, 2, 3])))
print("str to list of words and back:", " ".join("a b  c".split()))
print("nested to flat:", [x for sub in [[1, 2], [3]] for x in sub], sum([[1], [2, 3]], []))
print("list of chars to str:", "".join(["h", "i"]), str(["h", "i"]))
print("bytes <-> list:", list(b"hi"), bytes([104, 105]))
print("range to list/tuple/set:", list(range(3)), tuple(range(0)), sorted(set(range(3, 0, -1))))
print("reversed/sorted produce lists or iterators:", type(sorted((2, 1))).__name__, list(reversed((1, 2))))
print("dict.fromkeys from str:", dict.fromkeys("ab", 0))
print("tuple unpack into list:", [*(1, 2), *{3: 0}])
try:
    dict([1, 2])
except TypeError as e:
    print("dict from ints:", e)
try:
    list(5)
except TypeError as e:
    print("list(5):", e)
print("bool of conversions:", bool(list()), bool(tuple([0])), bool(dict(a=0)))
