# bytes()/bytearray() from iterables of ints, objects with __index__, buffers (array, memoryview slices), and generators.
import array
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(bytes([I(65), I(66)]), bytearray((I(1), 2, True)))
print("from array buffer:", bytes(array.array("H", [1, 258])) == array.array("H", [1, 258]).tobytes(), len(bytes(array.array("i", [0, 0]))))
print("from memoryview slice:", bytes(memoryview(b"abcdef")[1:4]), bytes(memoryview(b"abcdef")[::2]))
print("from generator/range/map:", bytes(range(3)), bytes(x * 2 for x in range(4)), bytes(map(len, ["a", "bb"])))
print("from bytes-like copies:", (lambda b: bytes(b) is not b)(bytearray(b"x")), bytes(b"same") == b"same")
for bad in ([256], [-1], [1.0], ["a"], [None], 3.5, object()):
    try:
        bytes(bad)
    except (TypeError, ValueError) as e:
        print(f"bytes(<{type(bad).__name__}>) -> {type(e).__name__}: {e}")
print("bytes(int) zero-filled and bytearray(int):", bytes(3), bytearray(2))
class WithBytes:
    def __bytes__(self):
        return b"dunder"
    def __index__(self):
        return 5
print("__bytes__ preferred over __index__:", bytes(WithBytes()))
