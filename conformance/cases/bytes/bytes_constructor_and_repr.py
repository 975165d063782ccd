# bytes() constructor forms and repr.
print(bytes(), bytes(3), bytes([65, 66, 0, 255]), bytes(range(3)), bytes(b"x"), bytes(bytearray(b"ya")))
print(bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"), bytes(memoryview(b"mv")))
print("repr escapes:", repr(b"\x00\t\n\r'\"\\\x7f\x80\xff"), repr(b"it's"), repr(b'say "x"'), repr(b"both ' \""))
for bad in [([256],), ([-1],), (["a"],), ("str",), (1.5,), (-1,), ("x", "no-codec"), (b"x", "utf-8")]:
    try:
        bytes(*bad)
    except (TypeError, ValueError, LookupError) as e:
        print("bytes", bad, type(e).__name__ + ":", e)
print("fromhex:", bytes.fromhex("de ad be ef"), bytes.fromhex(""), bytes.fromhex("0A0b"))
for bad in ["abc", "0g", "a b"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print("fromhex", repr(bad), e)
print("hex:", b"\xde\xad".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2), b"abcdef".hex(":", -2), b"".hex())
class WithBytes:
    def __bytes__(self):
        return b"custom"
print("__bytes__:", bytes(WithBytes()))
class WithIndex:
    def __index__(self):
        return 2
print("__index__ size:", bytes(WithIndex()), bytes([WithIndex()]))
print("str() of bytes:", str(b"ab"), "bytes literal concat:", b"a" b"b")
