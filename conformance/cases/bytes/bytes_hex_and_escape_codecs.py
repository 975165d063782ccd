# bytes <-> text representations: hex with separators, escape codecs, repr of every byte value class.
data = bytes(range(0, 256, 17))
print("hex():", data.hex(), data.hex(" "), data.hex(":", 3), data.hex("-", -4))
print("fromhex whitespace:", bytes.fromhex(" 00 11\t22\n33 "), bytearray.fromhex("ab cd"))
try:
    data.hex("::")
except ValueError as e:
    print("separator too long:", e)
print("repr classes:", repr(bytes([0, 9, 10, 13, 31, 32, 34, 39, 92, 126, 127, 128, 255])))
import codecs
print("escape_encode:", codecs.escape_encode(b"a\x00\n'\\\xff")[0])
print("unicode_escape round trip:", b"caf\\xe9\\n".decode("unicode_escape"), "café\n".encode("unicode_escape"))
print("latin-1 is byte-transparent:", bytes(range(256)).decode("latin-1").encode("latin-1") == bytes(range(256)))
print("ascii(bytes):", ascii(b"\xe9"), str(b"\xe9"))
print("binascii:", __import__("binascii").b2a_hex(b"\x01\x02", b"-"), __import__("binascii").a2b_hex("0a0B"))
print("base85/ascii85:", __import__("base64").b85encode(b"hello"), __import__("base64").a85encode(b"hello"))
print("quopri:", __import__("quopri").encodestring(b"caf\xe9 = ok"))
