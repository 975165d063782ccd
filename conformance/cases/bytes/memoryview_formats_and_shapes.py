# memoryview cast with shapes, multi-dimensional tolist, comparisons across formats, nbytes.
import array
buf = bytearray(range(12))
m = memoryview(buf)
m2 = m.cast("B", shape=[3, 4])
print("2d:", m2.ndim, m2.shape, m2.strides, m2.tolist())
print("2d element:", m2[1, 2], m2.nbytes, len(m2))
try:
    m2[1]
except NotImplementedError as e:
    print("row indexing:", type(e).__name__, e)
h = m.cast("H")
print("as uint16:", h.format, h.itemsize, len(h), h.nbytes, h.tolist()[:2] == [int.from_bytes(bytes([0, 1]), __import__("sys").byteorder), int.from_bytes(bytes([2, 3]), __import__("sys").byteorder)])
try:
    memoryview(bytearray(5)).cast("H")
except TypeError as e:
    print("cast length mismatch:", e)
a = array.array("d", [1.5, -2.0])
ma = memoryview(a)
print("array view:", ma.format, ma.itemsize, ma.tolist(), ma.readonly)
ma[0] = 9.25
print("writes into array:", a)
print("equality by value across formats:", memoryview(array.array("i", [1, 2])) == memoryview(array.array("q", [1, 2])), memoryview(array.array("d", [1.0])) == memoryview(array.array("i", [1])))
print("toreadonly:", memoryview(bytearray(b"x")).toreadonly().readonly)
print("contiguity:", m.c_contiguous, m.f_contiguous, m.contiguous, m[::2].contiguous)
print("tobytes of strided:", m[::3].tobytes(), m[::-4].tobytes())
print("hash of readonly bytes view:", hash(memoryview(b"ab")) == hash(b"ab"))
try:
    hash(memoryview(bytearray(b"ab")))
except ValueError as e:
    print("hash writable view:", e)
m.release(); h.release(); m2.release()
