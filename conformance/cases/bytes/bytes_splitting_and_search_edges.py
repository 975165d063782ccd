# Edge cases in bytes search/split helpers with int arguments and bounds.
b = b"one two  three"
print(b.split(b" "), b.split(None, 1), b.split(maxsplit=0), b"".split(), b"".split(b","))
try:
    b.split(b"")
except ValueError as e:
    print("empty sep:", e)
print(b.find(b"t", 5), b.find(116, 5, 7), b.rfind(b"t"), b.count(b" "), b.count(32))
print(b.index(b"two"), b.startswith(b"two", 4), b.endswith(b"thr", 0, -2))
print("strip with bytes-like:", b"xxaxx".strip(bytearray(b"x")), b"xxaxx".strip(memoryview(b"x")))
print("bytes whitespace is ASCII only:", b"\x85a\xa0".strip(), b"\x0ba\x0c".strip())
print("splitlines bytes ignore unicode breaks:", b"a\x85b\x1cc\nd".splitlines())
print("title/capitalize:", b"hello world".title(), b"HELLO".capitalize(), b"a1b".title())
print("isdigit only ASCII:", b"123".isdigit(), b"12a".isdigit(), b"".isdigit())
print("zfill/center parity:", b"7".zfill(3), b"-7".zfill(4), b"abc".center(6, b"-"))
try:
    b.find(256)
except ValueError as e:
    print("int out of range:", e)
try:
    b.replace(b"a")
except TypeError as e:
    print("replace arity:", e)
