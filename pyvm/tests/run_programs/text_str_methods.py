# str methods: results and CPython's argument errors.
s = "Hello, World"
print(s.upper(), s.lower(), s.casefold(), s.title(), s.swapcase(), "ab cd".capitalize())
print("ß".upper(), "ΑΣ".lower(), "ǆ".title())
print(s.split(), s.split(","), "a,b,,c".split(",", 1), "a b  c".rsplit(None, 1))
print("a b c".split(maxsplit=1), "a,b,c".rsplit(",", maxsplit=1))
print("x\ny\r\nz".splitlines(), "x\ny\r\nz".splitlines(True))
print(repr("  hi  ".strip()), "xxhixx".strip("x"), "xxhi".lstrip("x"), "hixx".rstrip("x"))
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("z"))
print("banana".count("a"), "banana".find("na", 3), "banana".rfind("na"), "banana".index("n"))
print("banana".count("a", -3), "banana".find("a", 2, 4), "banana".rindex("a", 0, 4))
print("abc".startswith(("x", "a")), "abc".endswith("bc", 0, 3), "abc".startswith("", 3))
print("abc".center(9, "*"), "abc".ljust(5) + "|", "42".zfill(5), "-42".zfill(6), "ab".center(5))
print("a\tb".expandtabs(4), "aaa".replace("a", "b", 2), "-".join(["x", "y"]))
print("prefix_x".removeprefix("prefix_"), "x.py".removesuffix(".py"))
print("héllo".encode(), "abc".encode("ascii"), "hello".translate(str.maketrans("el", "ip", "o")))
print("abc".translate({97: "AA", 98: None}))
print("abc".isalpha(), "123".isdigit(), "".isspace(), "  ".isspace(), "Ab".istitle(), "é".isascii())
print("½".isnumeric(), "½".isdigit(), "x1".isidentifier(), "a\x00".isprintable())
print("é".encode("latin-1"), "é€".encode("ascii", "replace"), "é".encode("ascii", "xmlcharrefreplace"))
print("é".encode("ascii", "backslashreplace"), "é".encode("utf-16-le"), "\udc80abc".encode("utf-8", "surrogateescape"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e, e.start, e.end, e.reason)
calls = [
    lambda: "a".center(),
    lambda: "a".center("5"),
    lambda: "a".split(maxsplit="x"),
    lambda: "a".join(),
    lambda: "a".replace("a"),
    lambda: "a".replace(1, "b"),
    lambda: "a".find(1),
    lambda: "a".count("a", "0"),
    lambda: "a".startswith(),
    lambda: "a".strip(5),
    lambda: "a".zfill(1.5),
    lambda: "a".encode(5),
    lambda: "a".upper(1),
    lambda: "a".ljust(3, ""),
    lambda: str.upper(),
    lambda: str.upper(5),
    lambda: "a".removeprefix(None),
    lambda: "a".split(x=1),
    lambda: "a".index("b"),
    lambda: "a".split(""),
    lambda: "a".encode("nope"),
    lambda: "a".join([1]),
    lambda: "a".endswith((1,)),
    lambda: str.maketrans("ab", "c"),
]
for i, call in enumerate(calls):
    try:
        print(i, "ok", repr(call()))
    except (TypeError, ValueError, LookupError) as e:
        print(i, type(e).__name__ + ":", e)
