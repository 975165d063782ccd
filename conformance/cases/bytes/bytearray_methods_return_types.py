# bytearray methods return bytearray (new objects) while bytes methods return bytes; in-place vs copy semantics.
ba = bytearray(b"Hello World")
results = {
    "upper": ba.upper(), "lower": ba.lower(), "strip": bytearray(b"  x ").strip(), "replace": ba.replace(b"o", b"0"),
    "split[0]": ba.split()[0], "partition[0]": ba.partition(b" ")[0], "join": bytearray(b",").join([b"a", b"b"]),
    "slice": ba[0:5], "center": ba.center(15), "translate": ba.translate(None, b"l"), "mul": ba * 2, "add": ba + b"!",
    "fromhex": bytearray.fromhex("41"), "copy": ba.copy(), "title": bytearray(b"ab cd").title(),
}
for name, r in results.items():
    print(f"{name:12} {type(r).__name__:10} {r!r}")
print("original untouched:", ba)
print("methods return new objects even when unchanged:", ba.replace(b"zz", b"") is not ba, ba.lower() is not ba)
b = b"abc"
print("bytes no-op replace is equal:", b.replace(b"z", b"") == b)
print("mixed operands:", type(b"a" + bytearray(b"b")).__name__, type(bytearray(b"a") + b"b").__name__, type(b"-".join([bytearray(b"x")])).__name__)
print("bytearray compare/hash:", bytearray(b"a") == b"a", bytearray(b"a") < b"b", bytearray(b"a") in [b"a"])
s = {b"a"}
print("bytearray lookup in set of bytes:", end=" ")
try:
    print(bytearray(b"a") in s)
except TypeError as e:
    print("TypeError:", e)
