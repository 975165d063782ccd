# bytes methods mirror str methods but work on byte values.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Hd"), b.lower(), b.upper(), b.swapcase(), b.title())
print(b"a,b,,c".split(b","), b"a b  c".split(), b"a b c".rsplit(None, 1), b"x\ny\r\nz".splitlines(), b"x\ny".splitlines(True))
print(b"-".join([b"a", bytearray(b"b"), memoryview(b"c")]), b"".join([]))
try:
    b"-".join([b"a", "b"])
except TypeError as e:
    print("join str:", e)
print(b"abcabc".find(b"c"), b"abcabc".rfind(b"c"), b"abcabc".find(99), b"abcabc".count(b"bc"), b"abcabc".index(b"ca"))
print(b"abc".replace(b"b", b"XX"), b"aaa".replace(b"a", b"", 2), b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"c")))
print(b"key=val".partition(b"="), b"key".rpartition(b"="))
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"42".zfill(5), b"a\tb".expandtabs(4))
print([m(x) for x in (b"abc", b"ABC", b"123", b"a1", b" ", b"", b"\xe9") for m in (bytes.isalpha,)])
print("classification:", b"abc1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"Ab Cd".istitle(), b"abc".islower(), b"\xe9".isascii())
print("non-ASCII bytes are not letters:", b"\xe9".isalpha(), b"\xc9".lower())
print("removeprefix:", b"prefix-x".removeprefix(b"prefix-"), b"x.py".removesuffix(b".py"))
print("translate:", b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"hello".translate(None, b"l"))
print("decode:", b"caf\xc3\xa9".decode(), b"\xff".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"))
try:
    b"abc".find("a")
except TypeError as e:
    print("str needle:", e)
print("in:", b"b" in b"abc", 98 in b"abc", b"" in b"abc")
try:
    300 in b"abc"
except ValueError as e:
    print("int out of range in:", e)
