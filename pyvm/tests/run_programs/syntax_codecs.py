# str.encode/bytes.decode with the stdlib's table codecs (found through the
# codec registry), error handlers registered with codecs.register_error and
# namereplace called from the native codecs.
import codecs

text = "naïve café €5 ☕"
for enc in ["cp1252", "iso8859-15", "koi8-r", "mac-roman", "cp437", "latin-1", "utf-16"]:
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
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "t.txt")
with open(path, "w", encoding="cp1252") as f:
    print(type(f).__name__, f.mode, f.encoding, f.write("café €5\n"))
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="cp1252") as f:
    print(repr(f.read()), f.mode)
with open(path, "w", encoding="ascii", errors="bracket") as f:
    f.write("naïve ☕\n")
with open(path, encoding="ascii", errors="bracket") as f:
    print(repr(f.read()))
try:
    with open(path, "w", encoding="cp1252") as f:
        f.write("☕")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    open(path, encoding="no-such-codec")
except LookupError as e:
    print("LookupError:", e)
os.remove(path)
os.rmdir(os.path.dirname(path))
