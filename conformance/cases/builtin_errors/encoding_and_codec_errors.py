# Codec errors: encode/decode with strict, replace, ignore, backslashreplace and bad error handlers.
s = "naïve ☃"
for errors in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"]:
    try:
        print(errors, s.encode("ascii", errors))
    except UnicodeEncodeError as e:
        print(errors, "UnicodeEncodeError:", e.reason, e.start, e.end)
data = b"ok \xe2\x98 bad \xff"
for errors in ["strict", "replace", "ignore", "surrogateescape", "backslashreplace"]:
    try:
        print(errors, repr(data.decode("utf-8", errors)))
    except UnicodeDecodeError as e:
        print(errors, "UnicodeDecodeError:", e.reason, e.start, e.end)
try:
    s.encode("ascii", "no-such-handler")
except LookupError as e:
    print("LookupError:", e)
print(s.encode("utf-8", "no-such-handler-unused"))
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e.reason)
print("\ud800".encode("utf-8", "surrogatepass"), b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800")
