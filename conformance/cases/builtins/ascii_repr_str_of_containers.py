# repr/str/ascii of containers nest the element repr; str of containers is repr of elements, not their str.
class Both:
    def __repr__(self): return "R"
    def __str__(self): return "S"
b = Both()
print(str(b), repr(b), str([b]), str((b,)), str({b: b}), str({b}), f"{[b]}", "%s" % [b])
items = ["é", "a'b", 'q"', "\n", "😀"]
print("str(list):", str(items))
print("ascii(list):", ascii(items))
print("repr(dict) of mixed:", repr({1: "x", "k": (None, 2.5, b"by")}))
print("nested empty containers:", [[], (), {}, set(), frozenset(), ""], repr(((),)))
print("str of nested tuples:", str(((1,), (2, 3))), str(()))
print("repr of range/slice/bytes/bytearray:", repr([range(2), slice(1), b"\x00", bytearray(b"a")]))
print("repr of builtins and classes inside containers:", repr([len, int, None, ...]))
