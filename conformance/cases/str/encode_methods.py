# str.encode with codecs and error handlers.
s = "naïve ☕ 𝄞"
for enc in ["utf-8", "utf-16-le", "utf-16-be", "utf-32-be", "latin-1", "ascii", "cp1252", "utf-8-sig"]:
    for err in ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace"]:
        try:
            print(enc, err, s.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, "UnicodeEncodeError:", e.reason, e.start, e.end)
        if enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-be", "utf-8-sig") and err == "strict":
            break
print("default is utf-8:", "é".encode())
print("surrogateescape:", "a\udcff".encode("utf-8", "surrogateescape"))
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print("lone surrogate:", e)
print("surrogatepass:", "\ud800".encode("utf-8", "surrogatepass"))
try:
    "x".encode("rot13")
except LookupError as e:
    print("text codec:", e)
