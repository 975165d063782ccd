# repr() of strings: quote selection, escapes, non-printables, non-ASCII.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nret\r", "\x00\x07\x1b\x7f", "\\back",
           "é中🎉", "\u200b\u00a0\u2028", "\ud800", "\U0001F600", "\x80\x9f", "\xa0\xad", ""]
for s in samples:
    print(repr(s), ascii(s))
print("repr in list:", ["a'b", 'c"d'])
print("str() is identity:", str("x\ty"))
print("ascii of non-str:", ascii(["é", 1]), ascii({"k": "ü"}))
print("eval(repr) round trip:", all(eval(repr(s)) == s for s in samples))
