# Conversions between bytes and numbers/strings: int.from_bytes, struct, ord/chr, hex.
import struct
print("struct pack:", struct.pack(">HhI", 1, -2, 3), struct.pack("<q", -1), struct.pack("!f", 1.5), struct.pack(">d", 0.1))
print("struct unpack:", struct.unpack(">HhI", b"\x00\x01\xff\xfe\x00\x00\x00\x03"), struct.unpack("<?", b"\x01"))
print("calcsize:", struct.calcsize(">HhI"), struct.calcsize("<5s"), struct.calcsize(">3c"))
print("strings:", struct.pack("5s", b"ab"), struct.pack("2s", b"abcd"), struct.unpack("3s", b"xyz"))
try:
    struct.pack(">B", 256)
except struct.error as e:
    print("struct range:", e)
try:
    struct.unpack(">I", b"\x00")
except struct.error as e:
    print("unpack size:", e)
print("iter_unpack:", list(struct.iter_unpack(">H", b"\x00\x01\x00\x02")))
print("ord/chr bytes:", ord(b"A"), bytes([ord("z")]), chr(b"a"[0]))
try:
    ord(b"ab")
except TypeError as e:
    print("ord long bytes:", e)
import binascii, base64
print("hexlify:", binascii.hexlify(b"\x01\xab"), binascii.unhexlify(b"01ab"), binascii.crc32(b"hello"))
print("base64:", base64.b64encode(b"any carnal pleas"), base64.b64decode(b"YW55"), base64.urlsafe_b64encode(b"\xfb\xff"))
print("b16/b32:", base64.b16encode(b"\x0f"), base64.b32encode(b"a"))
try:
    base64.b64decode(b"abc")
except binascii.Error as e:
    print("bad padding:", e)
