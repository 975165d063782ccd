# strip family, padding and justification methods.
s = "  \t hello \n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("chars:", "xxhixyx".strip("xy"), "abcba".lstrip("ab"), "abcba".rstrip("ab"), "aaa".strip("a") == "")
print("None chars:", " a ".strip(None))
print("removeprefix/suffix:", "prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "abc".removeprefix("x"), "abc".removesuffix(""))
print("center:", repr("ab".center(6)), repr("ab".center(7, "*")), repr("abc".center(6)), repr("abc".center(2)))
print("ljust/rjust:", repr("ab".ljust(5, "-")), repr("ab".rjust(5, "0")), repr("abc".ljust(1)))
print("zfill:", "42".zfill(5), "-42".zfill(5), "+4".zfill(4), "abc".zfill(5), "".zfill(3), "-".zfill(3))
try:
    "a".center(5, "ab")
except TypeError as e:
    print("fill two chars:", e)
print("expandtabs:", repr("a\tbc\td".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\n\tc".expandtabs(2)), repr("\t".expandtabs(0)))
print("unicode whitespace strip:", repr("\u2003x\u00a0".strip()), repr("\u200bx".strip()))
