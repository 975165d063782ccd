# repr() of strings: quote selection, escapes, non-printables, non-ASCII.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nret\r", "\x00\x07\x1b\x7f", "\\back",
           "é中🎉", "\u200b\u00a0\u2028", "\ud800", "\U0001F600", "\x80\x9f", "\xa0\xad", ""]
for s in samples:
    print(repr(s), ascii(s))
print("repr in list:", ["a'b", 'c"d'])
print("str() is identity:", str("x\ty"))
print("ascii of non-str:", ascii(["é", 1]), ascii({"k": "ü"}))
print("eval(repr) round trip:", all(eval(repr(s)) == s for s in samples))
print("repr uses single quotes unless only single quotes inside:", repr("a"), repr("'"), repr('"'), repr("'\""))
print("repr escapes surrogates and private-use but not printable emoji:", repr("\udc80"), repr("\ue000"), repr("🎉"))
print("repr of str subclass uses str.__repr__:", repr(type("S", (str,), {})("x")))
print("repr vs str for nested quotes in containers:", str(["it's"]), repr(('"',)))
print("ascii escapes only non-ASCII:", ascii("tab\there é"), ascii("\x7f"))
print("len of repr grows with escapes:", len(repr("\x00")), len(repr("é")), len(ascii("é")))
