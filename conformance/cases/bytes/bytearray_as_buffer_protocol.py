# bytearray/bytes as buffers: readinto, struct.pack_into, slicing views, and in-place algorithms.
import io, struct
buf = bytearray(8)
n = io.BytesIO(b"abcdefghij").readinto(buf)
print("readinto:", n, buf)
struct.pack_into(">HI", buf, 1, 0xBEEF, 0xDEADBEEF)
print("pack_into:", buf.hex(), struct.unpack_from(">HI", buf, 1))
mv = memoryview(buf)
mv[0:2] = b"ZZ"
print("write through view:", buf[:3])
def xor_inplace(data, key):
    for i in range(len(data)):
        data[i] ^= key[i % len(key)]
secret = bytearray(b"attack at dawn")
xor_inplace(secret, b"k3y")
print("xor scrambled:", secret.hex())
xor_inplace(secret, b"k3y")
print("xor restored:", secret)
ba = bytearray(b"hello world")
ba[0:5] = ba[0:5].upper()
ba[6:] = reversed(ba[6:])
print("slice algorithms:", ba)
bio = io.BytesIO()
bio.write(b"\x00" * 4)
bio.seek(1)
bio.write(b"XY")
with bio.getbuffer() as tmp:
    size = tmp.nbytes
print("BytesIO overwrite:", bio.getvalue(), size)
view = bio.getbuffer()
try:
    bio.write(b"more" * 10)
except BufferError as e:
    print("resize with exported buffer:", e)
view.release()
bio.write(b"!")
print("after release:", bio.getvalue())
