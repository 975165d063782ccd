# int()/float()/ord() of bytes-like objects, class methods of builtin types
# on subclasses, and their error messages.
import array

print(int(b"42"), int(bytearray(b" -7 ")), int(memoryview(b"1_000")), int(b"ff", 16), int(b"0x10", 0))
print(float(b"2.5"), float(bytearray(b" -1e2 ")), float(memoryview(b"inf")))
print(int(array.array("b", [0x31, 0x32])))
for bad in [b"\xff", bytearray(b"x1"), b"1 2", b"", b"\xd9\xa1"]:
    for f in (int, float):
        try:
            f(bad)
        except ValueError as e:
            print(f.__name__, "ValueError:", e)
try:
    int(b"z", 16)
except ValueError as e:
    print("base 16:", e)
try:
    int(b"1", 99)
except ValueError as e:
    print("bad base:", e)
print(ord(b"a"), ord(bytearray(b"z")), ord(b"\xff"))
for bad in [b"", b"ab", bytearray(), memoryview(b"a")]:
    try:
        ord(bad)
    except TypeError as e:
        print("ord:", e)

class B(int):
    pass
class F(float):
    pass
class BB(bytes):
    pass
class BA(bytearray):
    pass
for r in [B.from_bytes(b"\x05", "big"), F.fromhex("0x1p1"), BB.fromhex("00ff"), BA.fromhex("61"),
          int.from_bytes(b"\x01\x00", "little"), float.fromhex("0x1.8p0"), bytes.fromhex("41")]:
    print(type(r).__name__, r)
print((5).from_bytes(b"\x02", "big"), (1.0).fromhex("0x2p0"), b"".fromhex("42"))

class D(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
d = D.fromkeys("ab", 0)
print(type(d).__name__, d, type(dict.fromkeys("x")).__name__, {}.fromkeys([1]))

class Traced(int):
    def __new__(cls, v):
        print("Traced.__new__", v)
        return super().__new__(cls, v)
print(type(Traced.from_bytes(b"\x07", "little")).__name__)
try:
    int.from_bytes(1)
except TypeError as e:
    print("from_bytes:", e)
try:
    float.fromhex(1)
except TypeError as e:
    print("fromhex:", e)
print(bytearray([1, 2]), end=" ")
try:
    bytearray([300])
except ValueError as e:
    print(e, end=" / ")
try:
    bytes([300])
except ValueError as e:
    print(e)
