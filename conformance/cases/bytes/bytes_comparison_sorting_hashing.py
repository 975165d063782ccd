# bytes ordering is lexicographic by byte value; hashing and use in dicts/sets; bytes vs str never equal.
items = [b"b", b"B", b"", b"\x00", b"ab", b"a", b"\xff", b"aa"]
print("sorted:", sorted(items))
print("max/min:", max(items), min(items))
print("comparisons:", b"a" < b"ab" < b"b", b"\x7f" < b"\x80", bytearray(b"z") > b"y", memoryview(b"a") == b"a")
try:
    memoryview(b"a") < b"b"
except TypeError as e:
    print("memoryview ordering:", e)
d = {b"key": 1, "key": 2}
print("bytes and str keys distinct:", len(d), d[b"key"], d["key"])
print("hash equal bytes:", hash(b"abc") == hash(bytes([97, 98, 99])), hash(b"abc") == hash(bytes(bytearray(b"abc"))))
print("set of bytes:", sorted({b"x", b"x", bytes(b"y")}))
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = b"a" == "a"
print("bytes == str is False (BytesWarning only with -b):", r, len(w))
print("sorted by key len then value:", sorted(items, key=lambda b: (len(b), b)))
