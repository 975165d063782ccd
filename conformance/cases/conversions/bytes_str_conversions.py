# Converting between str and bytes: encode/decode, str() of bytes, repr round trips, latin-1 identity.
s = "Grüße, 世界"
b = s.encode("utf-8")
print("utf-8:", b, len(s), len(b), b.decode("utf-8") == s)
print("str(bytes) is repr:", str(b"ab"), str(b"ab") == repr(b"ab"))
print("latin-1 maps bytes 1:1:", bytes(range(256)).decode("latin-1") == "".join(map(chr, range(256))))
print("eval(repr(bytes)):", eval(repr(b"\x00\xffq'")) == b"\x00\xffq'")
print("bytes from list of ords:", bytes(map(ord, "abc")), "".join(map(chr, b"xyz")))
print("bytes.hex <-> fromhex:", b"\x01\xfe".hex(), bytes.fromhex(b"\x01\xfe".hex()))
print("utf-16 surrogate pairs:", "𝄞".encode("utf-16-be"), len("𝄞".encode("utf-16-le")) // 2)
print("utf-32:", "A€".encode("utf-32-le"))
for data, enc in [(b"\xc3", "utf-8"), (b"\xff\xfe\x00", "utf-16-le"), (b"\x80", "ascii")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(f"decode {data!r} as {enc}:", e.reason, e.start, e.end)
print("decode errors modes:", b"a\x80b".decode("ascii", "replace"), b"a\x80b".decode("ascii", "ignore"), b"a\x80b".decode("ascii", "backslashreplace"), repr(b"a\x80b".decode("ascii", "surrogateescape")))
print("surrogateescape round trip:", b"a\x80b".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
print("bytearray <-> str:", bytearray("é", "utf-8"), bytearray(b"abc").decode())
print("int list from bytes:", list(b"\x00\x7f\x80"), bytes([0, 127, 128]))
