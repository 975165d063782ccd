# Escape codecs, str(bytes, encoding), number-like and __bytes__ objects in %, special methods.
print("a\tb\\é\U0001f600".encode("unicode_escape"), "é\u1234".encode("raw_unicode_escape"))
print(b"a\\tb\\x41\\u00e9\\101".decode("unicode_escape"), b"\\u00e9\\x41".decode("raw_unicode_escape"))
print(str(b"ab"), str(b"\xff", "utf-8", "replace"), str(b"ab", errors="strict"), str(object=5))
print("é".encode("utf-32"), b"\x00\x00\x00\xe9".decode("utf-32-be"), "\U0001f600".encode("utf-16-be"))
print(repr("\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")))
class F:
    def __float__(self): return 2.5
    def __index__(self): return 7
    def __int__(self): return 7
print("%d %x %f %c" % (F(), F(), F(), F()))
class B:
    def __bytes__(self): return b"BB"
print(b"%s|%b" % (B(), B()), bytes(F()), bytes([F()]), bytes(B()))
ba = bytearray(b"abc")
ba.__setitem__(0, 65)
ba.__delitem__(1)
print(ba, ba.__len__(), "x".__add__("y"), "ab".__mul__(2), "%s".__mod__(1), "abc".__contains__("b"))
for f in [lambda: str(1, "utf-8"), lambda: str("a", "utf-8"), lambda: b"\\x4".decode("unicode_escape"),
          lambda: "\ud800".encode(), lambda: b"\xed\xa0\x80".decode(), lambda: b"\x00".decode("utf-16"),
          lambda: "a".encode("utf-8", "bogus"), lambda: "\udc80".encode("ascii", "bogus"), lambda: "x".__add__(1), lambda: b"x".__add__(1), lambda: "x".__mul__("y")]:
    try:
        print(repr(f()))
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)
