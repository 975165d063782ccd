# Binary conversions with struct: byte order prefixes, sizes, padding, and range errors for each integer code.
import struct
for fmt in ("<h", ">h", "=I", "<q", ">Q", "<f", ">d", "<?", ">3s", "<2x", "!H"):
    print(f"{fmt:4} size={struct.calcsize(fmt)}")
print("native alignment vs standard:", struct.calcsize("@bi") >= struct.calcsize("=bi"), struct.calcsize("=bi"))
print("round trips:", struct.unpack("<hHiI", struct.pack("<hHiI", -2, 65535, -2**31, 2**32 - 1)))
print("floats:", struct.unpack("<d", struct.pack("<d", 0.1))[0], struct.unpack("<f", struct.pack("<f", 0.1))[0])
for code, good, bad in [("b", -128, 128), ("B", 255, -1), ("h", 32767, 32768), ("H", 0, 65536), ("i", -2**31, 2**31), ("Q", 2**64 - 1, 2**64)]:
    struct.pack("<" + code, good)
    try:
        struct.pack("<" + code, bad)
    except struct.error as e:
        print(f"{code}: {e}")
print("bool packing:", struct.pack("?", 5), struct.unpack("?", b"\x02"))
print("char/string:", struct.pack("c", b"A"), struct.pack("4s", b"toolong"), struct.pack("p", b"x"))
try:
    struct.pack("<i", 1.5)
except struct.error as e:
    print("float for int code:", e)
try:
    struct.pack("<i", "1")
except struct.error as e:
    print("str for int code:", e)
s = struct.Struct(">HH")
print("Struct object:", s.size, s.format, s.pack(1, 2), s.unpack(b"\x00\x03\x00\x04"))
