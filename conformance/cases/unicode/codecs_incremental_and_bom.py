# codecs: BOMs, incremental decoders across chunk boundaries, lookup and aliases.
import codecs
print("BOM constants:", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)
print("utf-8-sig strips BOM:", (codecs.BOM_UTF8 + b"hi").decode("utf-8-sig"), repr((codecs.BOM_UTF8 + b"hi").decode("utf-8")))
print("utf-16 with BOM decodes either order:", b"\xff\xfeh\x00".decode("utf-16"), b"\xfe\xff\x00h".decode("utf-16"))
data = "naïve 😀".encode("utf-8")
dec = codecs.getincrementaldecoder("utf-8")()
pieces = [dec.decode(data[i:i + 1]) for i in range(len(data))]
print("byte-at-a-time pieces:", pieces, "".join(pieces) == "naïve 😀")
try:
    dec2 = codecs.getincrementaldecoder("utf-8")()
    dec2.decode(b"\xf0\x9f")
    dec2.decode(b"", final=True)
except UnicodeDecodeError as e:
    print("truncated at final:", e.reason)
enc = codecs.getincrementalencoder("utf-16")()
first, second = enc.encode("a"), enc.encode("b")
print("incremental utf-16 emits BOM once:", len(first), len(second))
print("lookup names:", codecs.lookup("UTF8").name, codecs.lookup("latin_1").name, codecs.lookup("U16").name, codecs.lookup("ascii").name)
try:
    codecs.lookup("nonexistent-codec")
except LookupError as e:
    print("unknown:", e)
print("codecs.encode/decode:", codecs.encode("abc", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"hi", "base64"))
print("escape codecs:", codecs.escape_decode(b"a\\x41\\n")[0], "é\n".encode("unicode_escape"), "é".encode("raw_unicode_escape"))
