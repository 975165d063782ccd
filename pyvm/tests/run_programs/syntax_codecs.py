# str.encode/bytes.decode with the stdlib's table codecs (found through the
# codec registry), error handlers registered with codecs.register_error and
# namereplace called from the native codecs (open() with such codecs is
# covered by conformance/cases/unicode/unicode_io_roundtrip_files), and
# the UTF-7 codec.
import codecs

text = "naïve café €5 ☕"
for enc in ["cp1252", "koi8-r", "latin-1", "utf-16"]:
    for errors in ["strict", "replace", "ignore", "xmlcharrefreplace", "backslashreplace", "namereplace"]:
        try:
            b = text.encode(enc, errors)
            print(enc, errors, b, b.decode(enc, "replace"))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e.encoding, e.start, e.end, e.reason, "|", e)
print(b"\x80\x81\x9f".decode("cp1252", "replace"), b"\x80\x81".decode("cp1252", "backslashreplace"))
try:
    b"ab\x81".decode("cp1252")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)


def bracket(err):
    bad = err.object[err.start:err.end]
    if isinstance(err, UnicodeEncodeError):
        return "".join(f"[U+{ord(c):04X}]" for c in bad), err.end
    return "".join(f"[{b:02x}]" for b in bad), err.end


codecs.register_error("bracket", bracket)
print("naïve ☕".encode("ascii", "bracket"), "naïve ☕".encode("cp1252", "bracket"))
print(b"caf\xe9 \xff!".decode("utf-8", "bracket"), b"\x81x\x8d".decode("cp1252", "bracket"))
print("é☕".encode("utf-16-le", "bracket"), "x\udc80y".encode("utf-8", "bracket"))
seen = []


def record(err):
    seen.append((type(err).__name__, err.encoding, err.start, err.end, err.reason, str(err)))
    return b"<?>", err.end


codecs.register_error("record", record)
print("aé b☕".encode("latin-1", "record"), seen)
codecs.register_error("back", lambda err: ("?", -1))
codecs.register_error("skip", lambda err: ("", err.end + 1))
print("aéxb".encode("ascii", "skip"), b"a\xffxb".decode("ascii", "skip"))
for name, handler in [("bad", lambda err: 42), ("badpos", lambda err: ("?", 99)),
                      ("badtype", lambda err: (b"?", 1))]:
    codecs.register_error(name, handler)
    for f in [lambda: "é".encode("ascii", name), lambda: b"\xff".decode("utf-8", name)]:
        try:
            print(name, f())
        except (TypeError, IndexError) as e:
            print(name, type(e).__name__, e)
try:
    "é".encode("ascii", "no-such-handler")
except LookupError as e:
    print("LookupError:", e)
try:
    "x".encode("rot13")
except LookupError as e:
    print("LookupError:", e)
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
print(codecs.charmap_encode("aé", "bracket", codecs.charmap_build("ab\xe9"))[0])
# The UTF-7 codec: direct and base64-shifted characters, '+' as '+-',
# surrogate pairs, CPython's decoding errors and incremental decoding.

for s in ["Hi Mom -☺-!", "A≢Α.", "日本語", "1 + 1 = 2", "~\\", "x😀y", "a-b+c", "é-", "",
          "\ud800x"]:
    b = s.encode("utf-7")
    print(ascii(s), b, ascii(b.decode("utf-7")) == ascii(s))
for b in [b"a+ZeVnLIqe-b", b"+AGEAYgBj", b"+2D3eAA-", b"a\x80b", b"+\x80", b"+AG", b"+AGE-",
          b"+AGF-", b"+2D0-", b"+2D0x"]:
    for errors in ["strict", "replace", "ignore"]:
        try:
            print(b, errors, ascii(b.decode("utf-7", errors)))
        except UnicodeDecodeError as e:
            print(b, errors, "UnicodeDecodeError:", e.start, e.end, e.reason, "|", e)
dec = codecs.getincrementaldecoder("utf-7")()
print([ascii(dec.decode(bytes([c]))) for c in b"a+ZeVnLIqe-b"], ascii(dec.decode(b"", final=True)))
print(codecs.utf_7_decode(b"ab+AGE", None, False), codecs.utf_7_encode("a+é"))
