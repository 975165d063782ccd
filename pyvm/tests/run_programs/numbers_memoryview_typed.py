# memoryview: casts with shapes, float/bool formats, writes through typed
# views, views of array.array, toreadonly, hashing and comparison by value.
import array
import sys

buf = bytearray(range(12))
m = memoryview(buf)
m2 = m.cast("B", shape=[3, 4])
print(m2.ndim, m2.shape, m2.strides, m2.tolist(), m2[1, 2], m2[-1, -1], m2.nbytes, len(m2))
m3 = m.cast("B", (2, 3, 2))
print(m3.shape, m3.strides, m3.tolist(), m3[1, 2, 1])
print(m.cast("H", [2, 3]).tolist() == [[int.from_bytes(buf[i:i + 2], sys.byteorder) for i in range(r, r + 6, 2)] for r in (0, 6)])
for fn in [lambda: m2[1], lambda: m2[3, 0], lambda: m2[0, 0, 0], lambda: m2["a"], lambda: m.cast("B", [5]),
           lambda: m.cast("B", [0, 12]), lambda: m.cast("B", 3), lambda: m2.cast("B", [12]).shape, lambda: m.cast("x")]:
    try:
        print(fn())
    except (TypeError, ValueError, IndexError, NotImplementedError) as e:
        print(type(e).__name__, e)
print(m2.cast("B").tolist() == list(range(12)))

d = memoryview(bytearray(16)).cast("d")
d[0] = 1.5
d[1] = 3
print(d.format, d.itemsize, len(d), d.tolist(), d.readonly)
f = memoryview(bytearray(8)).cast("f")
f[1] = 0.1
print(f.tolist()[0], round(f.tolist()[1], 6))
q = memoryview(bytearray(8)).cast("?")
q[0] = 5
q[1] = ""
print(q.tolist()[:3])
c = memoryview(bytearray(b"ab")).cast("c")
c[0] = b"z"
print(c[0], c.tolist(), c.obj)
i = memoryview(bytearray(8)).cast("i")
i[1] = -5
i[-2] = 2 ** 31 - 1
print(i.tolist(), list(i))
for fn in [lambda: i.__setitem__(0, 2 ** 31), lambda: i.__setitem__(0, 1.5), lambda: c.__setitem__(0, b"xy"),
           lambda: c.__setitem__(0, 1), lambda: d.__setitem__(0, "x"), lambda: i.__setitem__(5, 0),
           lambda: memoryview(b"abcd").cast("i").__setitem__(0, 1)]:
    try:
        fn()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)

a = array.array("d", [1.5, -2.0])
ma = memoryview(a)
print(ma.format, ma.itemsize, ma.tolist(), ma.readonly, ma.nbytes, len(ma), ma[1])
ma[0] = 9.25
print(a, ma.tobytes() == a.tobytes())
ai = array.array("h", [1, -2, 3])
mi = memoryview(ai)
mi[2] = 300
print(ai, mi.tolist(), memoryview(mi).format, bytes(memoryview(array.array("B", [65, 66]))))

print(memoryview(array.array("i", [1, 2])) == memoryview(array.array("q", [1, 2])),
      memoryview(array.array("d", [1.0])) == memoryview(array.array("i", [1])),
      memoryview(array.array("i", [1])) == memoryview(array.array("i", [2])),
      memoryview(b"ab") == b"ab", memoryview(b"\x01") == memoryview(array.array("b", [1])))
ro = memoryview(bytearray(b"xy")).toreadonly()
print(ro.readonly, ro.tobytes(), memoryview(ro).readonly)
try:
    ro.cast("B")[0] = 1
except TypeError as e:
    print(e)
print(hash(memoryview(b"ab")) == hash(b"ab"), hash(memoryview(b"abc").toreadonly()) == hash(b"abc"))
for v in [memoryview(bytearray(b"ab")), memoryview(b"abcd").cast("i"), ro]:
    try:
        hash(v)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del ro[0]
except TypeError as e:
    print(e)
try:
    del memoryview(bytearray(2))[0]
except TypeError as e:
    print(e)
print(len(m2), m2.__len__(), memoryview(b"ab").__getitem__(1))
print(sorted(n for n in dir(memoryview) if not n.startswith("_")))
print(m.suboffsets, m.ndim, m.c_contiguous, m[::2].contiguous)
m.release()
try:
    m.cast("B")
except ValueError as e:
    print(e)
