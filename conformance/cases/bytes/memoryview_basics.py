# memoryview: slicing without copy, writes through, formats, tolist, release.
data = bytearray(b"abcdef")
m = memoryview(data)
print("len/readonly/format/itemsize:", len(m), m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides)
print("index/slice:", m[0], bytes(m[1:3]), m[-1], m[::2].tobytes())
m[0] = ord("A")
m[1:3] = b"BC"
print("writes through:", data)
sub = m[2:5]
sub[0] = ord("z")
print("sub view writes through:", data, sub.tobytes())
print("tolist/hex:", m[:3].tolist(), m.hex())
ro = memoryview(b"xyz")
try:
    ro[0] = 1
except TypeError as e:
    print("readonly write:", e)
try:
    m[0:2] = b"abc"
except ValueError as e:
    print("size change:", e)
print("equality:", memoryview(b"ab") == b"ab", memoryview(b"ab") == memoryview(bytearray(b"ab")), memoryview(b"ab") == "ab")
ints = memoryview(bytearray(8)).cast("i")
ints[1] = -5
print("cast to int32:", ints.format, ints.itemsize, len(ints), ints.tolist())
print("cast back:", ints.cast("B").tolist()[4:] == list((-5).to_bytes(4, "little" if __import__("sys").byteorder == "little" else "big", signed=True)))
with memoryview(b"ctx") as cm:
    print("in with:", cm.tobytes())
try:
    cm.tobytes()
except ValueError as e:
    print("after release:", e)
# Resizing is refused while a view is exported, allowed once it is released.
# (A fresh buffer with a single explicitly managed view: temporary slices of
# other views may stay alive until collected on implementations without refcounting.)
buf = bytearray(b"xy")
view = memoryview(buf)
try:
    buf.append(1)
    print("resize while exported: allowed")
except BufferError as e:
    print("resize while exported:", e)
view.release()
buf.append(1)
print("after release, resize ok:", len(buf))
try:
    memoryview("str")
except TypeError as e:
    print("memoryview str:", e)
print("obj:", memoryview(b"q").obj)
