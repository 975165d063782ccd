# enumerate, zip (incl. strict), map, filter: laziness, arguments and errors.
print("enumerate:", list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)))
print("zip:", list(zip("abc", [1, 2])), list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")))
print("zip strict ok:", list(zip([1, 2], "ab", strict=True)))
for a, b in [([1, 2, 3], "ab"), ([1], "ab")]:
    try:
        list(zip(a, b, strict=True))
    except ValueError as e:
        print("zip strict:", e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print("zip strict 3:", e)
print("map:", list(map(str.upper, "ab")), list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: a, "ab", "xyz")))
print("filter:", list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 1, range(4))))
log = []
m = map(lambda x: log.append(x) or x, [1, 2, 3])
print("map is lazy:", log, next(m), log)
print("iterators are single-pass:", (lambda z: (list(z), list(z)))(zip("ab", "cd")))
for label, fn in [
    ("enumerate(5)", lambda: enumerate(5)),
    ("enumerate('a', 'b')", lambda: enumerate("a", "b")),
    ("zip(1)", lambda: zip(1)),
    ("map(len)", lambda: map(len)),
    ("map(None, [1])", lambda: list(map(None, [1]))),
    ("filter(len)", lambda: filter(len)),
    ("filter(None, 3)", lambda: filter(None, 3)),
    ("zip([], x=2)", lambda: zip([], x=2)),
]:
    try:
        print(label, "->", fn())
    except TypeError as e:
        print(label, "-> TypeError:", e)
