# The _codecs module: codec functions, error handlers, UnicodeError messages.
# (Registry lookups import the encodings package, which needs tuple
# subclasses for codecs.CodecInfo: tested once those exist.)
import _codecs
print(_codecs.utf_8_encode("héllo"), _codecs.utf_8_decode(b"h\xc3\xa9llo\xc3", None, False))
print(_codecs.utf_8_decode(b"h\xc3\xa9", "strict", True))
print(_codecs.latin_1_decode(b"\xe9"), _codecs.ascii_encode("abc"))
print(_codecs.utf_16_encode("ab"), _codecs.utf_16_ex_decode(b"\xff\xfea\x00b\x00"), _codecs.utf_16_be_decode(b"\x00a\x00"))
print(_codecs.utf_32_le_encode("a"), _codecs.utf_32_decode(b"\x00\x00\xfe\xff\x00\x00\x00a"))
print(_codecs.escape_encode(b"a'\n\x00\\"), _codecs.escape_decode(b"a\\n\\x41\\101"))
print(_codecs.unicode_escape_decode(b"\\u00e9\\n"), _codecs.raw_unicode_escape_encode("é\u1234"))
m = _codecs.charmap_build("abc" + "\ufffe" * 253)
print(_codecs.charmap_decode(b"\x00\x02", "strict", "abc"), _codecs.charmap_encode("cab", "strict", m))
try:
    _codecs.charmap_decode(b"\x05", "strict", "abc")
except UnicodeDecodeError as e:
    print(e)
print(_codecs.charmap_decode(b"\x05\x01", "replace", "abc"))
print(_codecs.readbuffer_encode(b"xy"), _codecs.readbuffer_encode("xé"))
print(_codecs.lookup_error("strict"), _codecs.lookup_error("ignore").__name__)
try:
    _codecs.lookup_error("nope")
except LookupError as e:
    print(e)
for h in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
    e = UnicodeEncodeError("ascii", "aé\u20acb", 1, 3, "bad")
    print(h, _codecs.lookup_error(h)(e))
d = UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "bad")
print(_codecs.lookup_error("replace")(d), _codecs.lookup_error("backslashreplace")(d), _codecs.lookup_error("surrogateescape")(d))
try:
    _codecs.lookup_error("strict")(d)
except UnicodeDecodeError as e:
    print("strict", e)
try:
    _codecs.utf_8_encode(b"x")
except TypeError as e:
    print(e)
try:
    _codecs.lookup(3)
except TypeError as e:
    print(e)
def search(name):
    print("search", name)
    return None
_codecs.register(search)
try:
    _codecs.register(3)
except TypeError as e:
    print(e)
for e in [UnicodeEncodeError("ascii", "a\u20ac", 1, 2, "nope"), UnicodeEncodeError("ascii", "abc", 0, 2, "r"),
          UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid"), UnicodeTranslateError("x\U0001f600", 1, 2, "t")]:
    print(str(e))
try:
    "a\xe9".encode("ascii")
except UnicodeEncodeError as e:
    print(e, e.start, e.end, e.reason, e.encoding)
