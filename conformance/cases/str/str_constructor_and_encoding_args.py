# str() constructor: objects, bytes with encoding and errors.
print(str(), str(123), str(1.5), str(None), str([1, "a"]), str(b"ab"))
print("decode via str():", str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", "latin-1"), str(bytearray(b"x"), "ascii"))
print("errors arg:", str(b"a\xffb", "utf-8", "replace"), str(b"a\xffb", "ascii", "ignore"), str(b"a\xffb", errors="backslashreplace"))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print("decode error:", e)
try:
    str("abc", "utf-8")
except TypeError as e:
    print("str with encoding:", e)
try:
    str(b"x", "no-such-codec")
except LookupError as e:
    print("unknown codec:", e)
try:
    str(1, "utf-8")
except TypeError as e:
    print("int with encoding:", e)
print("memoryview decode:", str(memoryview(b"mv"), "ascii"))
print("keyword object:", str(object="kw"), str(object=b"b", encoding="ascii"))
class S(str):
    pass
print("subclass to str:", type(str(S("q"))).__name__, S("q") == "q", repr(S("q")))
class WithStr:
    def __str__(self):
        return S("sub")
r = str(WithStr())
print("__str__ returning subclass kept:", type(r).__name__)
