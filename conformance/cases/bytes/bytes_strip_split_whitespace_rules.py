# bytes whitespace is exactly ASCII space, \t \n \r \x0b \x0c; isspace/strip/split agree; non-ASCII bytes never whitespace.
ws = [b for b in range(256) if bytes([b]).isspace()]
print("isspace bytes:", ws)
sample = b"\x0b\x0c a\x1cb\xa0c\x85 \t"
print("split():", sample.split(), "strip():", sample.strip())
print("str counterpart splits more:", sample.decode("latin-1").split())
print("strip with explicit chars:", b"xxhixx".strip(b"x"), b"\x00\x00data\x00".strip(b"\x00"), b"abcba".strip(b"ab"))
print("lstrip/rstrip:", b"  a  ".lstrip(), b"  a  ".rstrip(), b"..a..".rstrip(b"."))
print("splitlines only \\n \\r \\r\\n:", b"a\nb\rc\r\nd\x0be\x0cf\x1cg".splitlines())
print("isalpha/isalnum/isdigit are ASCII-only:", [bytes([c]).isalpha() for c in (65, 0xC4, 0xE9)], b"\xb2".isdigit())
print("upper/lower ASCII-only:", b"abc\xe9".upper(), b"ABC\xc9".lower(), b"\xdf".upper())
