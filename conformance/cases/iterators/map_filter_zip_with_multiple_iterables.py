# map/zip with several iterables stop at the shortest; zip(strict=True); star-unzip; filter with bool and None.
print("map shortest:", list(map(lambda a, b, c: a + b + c, [1, 2, 3], (10, 20), range(100, 103))))
print("map with pow and repeat:", list(map(pow, range(4), __import__("itertools").repeat(3))))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print("unzip:", nums, letters)
print("transpose:", list(zip(*[[1, 2, 3], [4, 5, 6]])))
print("zip dict:", dict(zip("abc", range(3))))
print("zip of nothing:", list(zip()), list(zip(*[])))
print("filter None vs bool:", list(filter(None, [0, "", 1, "x"])), list(filter(bool, [0, 1])))
print("filter with str methods:", list(filter(str.isdigit, ["1", "a", "22"])))
print("map over dict iterates keys:", list(map(str.upper, {"a": 1, "b": 2})))
print("nested map/filter:", sum(map(lambda x: x * x, filter(lambda x: x % 2, range(10)))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("strict:", e)
print("zip strict with generators:", list(zip((i for i in range(2)), "ab", strict=True)))
print("enumerate negative start:", list(enumerate("ab", -5)))
print("enumerate with huge start:", list(enumerate("ab", 2**64)))
