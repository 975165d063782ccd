# UTF-8 decoder strictness: overlongs, surrogates, truncated sequences, max code point; error positions.
cases = {
    "overlong /": b"\xc0\xaf",
    "overlong NUL": b"\xc0\x80",
    "encoded surrogate": b"\xed\xa0\x80",
    "above U+10FFFF": b"\xf4\x90\x80\x80",
    "truncated 3-byte": b"\xe2\x82",
    "lone continuation": b"\x80",
    "invalid byte FF": b"a\xffb",
    "valid max": b"\xf4\x8f\xbf\xbf",
    "valid 4-byte": b"\xf0\x9f\x98\x80",
    "5-byte lead": b"\xf8\x88\x80\x80\x80",
}
for name, data in cases.items():
    try:
        s = data.decode("utf-8")
        print(f"{name:18} ok {ascii(s)}")
    except UnicodeDecodeError as e:
        print(f"{name:18} {e.reason} [{e.start}:{e.end}] replace={ascii(data.decode('utf-8', 'replace'))}")
print("replacement count for truncated sequence:", b"\xe2\x82A".decode("utf-8", "replace"))
print("surrogatepass decodes encoded surrogate:", ascii(b"\xed\xa0\x80".decode("utf-8", "surrogatepass")))
print("BOM is kept by utf-8:", ascii(b"\xef\xbb\xbfx".decode("utf-8")), "stripped by utf-8-sig:", b"\xef\xbb\xbfx".decode("utf-8-sig"))
print("utf-16 odd length:", end=" ")
try:
    b"a\x00b".decode("utf-16-le")
except UnicodeDecodeError as e:
    print(e.reason, e.start, e.end)
print("utf-16 lone surrogate:", end=" ")
try:
    b"\x00\xd8".decode("utf-16-le")
except UnicodeDecodeError as e:
    print(e.reason)
