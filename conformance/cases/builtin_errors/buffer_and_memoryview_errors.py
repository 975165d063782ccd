# BufferError and memoryview misuse: resizing exported bytearrays, released views, bad casts.
ba = bytearray(b"abc")
mv = memoryview(ba)
try:
    ba.append(100)
except BufferError as e:
    print("BufferError:", e)
mv.release()
ba.append(100)
print(ba)
try:
    mv[0]
except ValueError as e:
    print("ValueError:", e)
m = memoryview(b"abcd")
try:
    m[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    m.cast("i", (3,))
except TypeError as e:
    print("TypeError:", e)
try:
    memoryview(bytearray(b"abc")).cast("i")
except TypeError as e:
    print("TypeError:", e)
print(m[1], m[1:3].tobytes(), m.tolist(), len(m), m.readonly)
w = memoryview(bytearray(b"xyz"))
w[0] = ord("X")
print(w.obj, w.tobytes())
try:
    w[0] = 300
except ValueError as e:
    print("ValueError:", e)
