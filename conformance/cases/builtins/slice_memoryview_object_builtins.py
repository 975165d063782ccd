# slice(), object(), memoryview(), bytearray() and frozenset() as callables: argument handling.
print("slice forms:", slice(3), slice(1, 3), slice(1, 3, 2), slice(None, None, None), slice("a", [], {}))
print("object():", type(object()).__name__, object() != object(), object.__name__)
print("memoryview of bytes/bytearray/array:", memoryview(b"ab").tolist(), memoryview(bytearray(1)).readonly, memoryview(__import__("array").array("b", [1])).tolist())
print("bytearray forms:", bytearray(), bytearray(2), bytearray(b"x"), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(range(3)))
print("frozenset forms:", frozenset(), sorted(frozenset("aab")), sorted(frozenset({1: 2})))
for label, fn in [
    ("slice(1, 2, 3, 4)", lambda: slice(1, 2, 3, 4)),
    ("slice(x=1)", lambda: slice(x=1)),
    ("object(x=1)", lambda: object(x=1)),
    ("memoryview()", lambda: memoryview()),
    ("memoryview(1)", lambda: memoryview(1)),
    ("memoryview([1])", lambda: memoryview([1])),
    ("bytearray('x')", lambda: bytearray("x")),
    ("bytearray(1.5)", lambda: bytearray(1.5)),
    ("bytearray(-1)", lambda: bytearray(-1)),
    ("bytearray([300])", lambda: bytearray([300])),
    ("frozenset(1)", lambda: frozenset(1)),
    ("frozenset([[]])", lambda: frozenset([[]])),
]:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
