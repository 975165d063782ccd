# bytes, bytearray and memoryview: constructors, repr, methods, operators, errors.
print(b"abc", b"a'b", b'a"b\'', b"\x00\xff\n\t\\", bytearray(b"hi"), bytes(3), bytearray(2))
print(bytes([65, 66]), bytes("é", "utf-8"), bytes(range(3)), bytes(bytearray(b"x")), bytes(memoryview(b"mv")))
b = b"hello world"
print(len(b), b[0], b[-1], b[1:4], b[::-2], list(b[:3]), b"ll" in b, 111 in b, b + b"!", b * 2, 2 * b"ab")
print(b.upper(), b.title(), b.split(), b.split(b"o"), b.rsplit(None, 1), b"a\nb\r\nc".splitlines(True))
print(b.find(b"o"), b.rfind(b"o"), b.index(b"w"), b.count(b"l"), b.find(111, 5), b.startswith((b"x", b"he")))
print(b.replace(b"l", b"L", 2), b"  x ".strip(), b"xxyxx".strip(b"x"), b.partition(b" "), b.rpartition(b"z"))
print(b"-".join([b"a", bytearray(b"b")]), b"ab".center(6, b"*"), b"7".zfill(3), b"a\tb".expandtabs(4))
print(b.hex(), b"\x01\x02".hex(":"), bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"))
print(b"abc".translate(bytes.maketrans(b"ab", b"xy"), b"c"), b"abc".removeprefix(b"a"), b"Ab1".isalnum())
print(b"caf\xc3\xa9".decode(), b"\xff".decode("latin-1"), b"\xffa".decode("utf-8", "replace"), b"\xff".decode("ascii", "ignore"))
print(repr(b"\xff".decode("utf-8", "surrogateescape")), "é".encode("utf-16"), b"\xff\xfe\xe9\x00".decode("utf-16"))
print(b"a" < b"b", b"ab" == bytearray(b"ab"), b"a" == "a", sorted([b"b", b"a", b"ab"]), hash(b"ab") == hash(b"ab"))
print({b"k": 1}[b"k"], "%s|%5b|%d|%x|%c|%r" % (1, 2, 3, 4, 5, 6) if False else b"%s|%5b|%d|%x|%c|%r" % (b"s", b"b", 3, 255, 65, b"r"))
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103])
ba[0] = 65
ba[1:3] = b"BCX"
del ba[-1]
ba.insert(0, 95)
print(ba, ba.pop(), ba.pop(0), len(ba), ba.upper(), ba.split(b"X"))
ba.remove(65)
ba.reverse()
print(ba, ba.copy(), bytearray(b"x") + b"y", ba.find(b"C"))
m = memoryview(bytearray(b"abcdef"))
print(len(m), m[0], m[1:3].tobytes(), m[::2].tolist(), m.nbytes, m.readonly, m.format, m.shape, m.hex())
m[0] = 90
m[1:3] = b"YZ"
print(m.obj, m == b"ZYZdef", bytes(m[2:4]))
with memoryview(b"ctx") as cm:
    print(cm.tobytes())
try:
    cm.tobytes()
except ValueError as e:
    print("released:", e)
for x in b"hi":
    print(x, end=" ")
print()
def ro_write():
    memoryview(b"ab")[0] = 1
errors = [
    lambda: b"a".center(3, "x"),
    lambda: b"a".find("a"),
    lambda: b"a".find(300),
    lambda: b"a".strip("a"),
    lambda: b"a".join(["a"]),
    lambda: bytes("a"),
    lambda: bytes(1.5),
    lambda: bytes(-1),
    lambda: bytes([256]),
    lambda: bytes(["a"]),
    lambda: bytes(1, "utf-8"),
    lambda: memoryview("a"),
    lambda: b"a" + "a",
    lambda: b"a" * "a",
    lambda: b"a"[5],
    lambda: "a" in b"a",
    lambda: bytearray(b"a").append(300),
    lambda: bytearray().pop(),
    lambda: bytearray(b"a").remove(5),
    lambda: b"a".decode(1),
    lambda: bytes.fromhex("zz"),
    lambda: b"a".startswith("a"),
    lambda: b"x".index(b"y"),
    lambda: b"\xff".decode(),
    lambda: b"\xe2\x82".decode("utf-8"),
    lambda: b"a".decode("nope"),
    lambda: b"%d" % b"x",
    lambda: b"%s" % "x",
    ro_write,
    lambda: b"a" < "a",
    lambda: {bytearray(b"a"): 1},
]
for i, f in enumerate(errors):
    try:
        print(i, "ok", repr(f()))
    except (TypeError, ValueError, LookupError) as e:
        print(i, type(e).__name__ + ":", e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
