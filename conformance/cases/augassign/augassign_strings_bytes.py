# += on str, bytes and bytearray in loops, and identity of results.
s = ""
for i in range(5):
    s += str(i)
print(s, len(s))
b = b""
for i in range(3):
    b += bytes([65 + i])
print(b)
ba = bytearray()
ref = ba
for i in range(3):
    ba += b"xy"
print(ba, ref is ba)
text = "ab"
text *= 0
print(repr(text))
try:
    b += "str"
except TypeError as e:
    print("TypeError:", e)
try:
    s += 5
except TypeError as e:
    print("TypeError:", e)
s2 = "x"
s2 += "é" * 3
print(s2, len(s2), s2.encode())
