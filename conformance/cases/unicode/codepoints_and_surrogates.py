# Code points beyond the BMP, surrogates, len/indexing in code points, escapes.
s = "a😀b𝄞"
print("len counts code points:", len(s), [hex(ord(c)) for c in s])
print("slicing by code point:", s[1], s[1:3], s[::-1])
print("utf-16 length:", len(s.encode("utf-16-le")) // 2, "utf-8 length:", len(s.encode("utf-8")))
print("escape forms equal:", "\U0001F600" == "😀" == chr(0x1F600), "\u00e9" == "\xe9" == "é", "\N{SNOWMAN}" == "\u2603")
lone = "\ud83d"
print("lone surrogate is a str:", len(lone), ascii(lone), lone.isprintable())
pair = "\ud83d\ude00"
print("surrogate pair is two code points, not joined:", len(pair), pair == "😀")
print("joined via utf-16 surrogatepass:", pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le") == "😀")
try:
    lone.encode("utf-8")
except UnicodeEncodeError as e:
    print("encode lone surrogate:", e.reason)
print("max code point:", hex(ord(max("a\U0010ffff"))), ascii(chr(0x10FFFF)))
print("comparisons by code point:", "\uffff" < "\U00010000", sorted(["😀", "z", "é", "\uffff"]) == ["z", "é", "\uffff", "😀"])
print("str.isascii:", "abc".isascii(), "é".isascii(), "".isascii())
print("raw unicode escape decoding:", b"\\u00e9\\U0001f600".decode("unicode_escape"), "caf\\xe9".encode().decode("unicode_escape"))
print("grapheme vs code points:", len("e\u0301"), len("👨\u200d👩\u200d👧"), len("🇫🇷"))
