# Building bytes efficiently and correctly: join of parts, bytearray accumulation, bytes from generators, int.to_bytes concat.
parts = [b"ab", bytearray(b"cd"), memoryview(b"ef")]
print("join mixed buffers:", b"".join(parts))
acc = bytearray()
for i in range(5):
    acc += bytes([65 + i])
    acc.append(48 + i)
print("bytearray accumulation:", acc, bytes(acc))
print("bytes from generator:", bytes(x ^ 0x20 for x in b"Hello"))
print("bytes from map:", bytes(map(ord, "xyz")))
frame = b"".join(n.to_bytes(2, "big") for n in (1, 258, 65535))
print("packed ints:", frame.hex(), [int.from_bytes(frame[i:i + 2], "big") for i in range(0, len(frame), 2)])
print("iteration yields ints, slicing yields bytes:", [b for b in b"AB"], [b"AB"[i:i + 1] for i in range(2)])
print("reversed/sorted bytes:", bytes(reversed(b"abc")), bytes(sorted(b"cab")))
print("bytes.maketrans round trip:", b"hello".translate(bytes.maketrans(b"el", b"ip")))
print("count chars via bytes:", sorted({c: b"banana".count(c) for c in set(b"banana")}.items()))
