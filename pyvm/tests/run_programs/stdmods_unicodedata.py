import unicodedata as ud
print(ud.unidata_version)
for c in "aZ5 \t\u00e9\u0301\u4e00\uac00\u2167\u00bd\u0660!\u200f\U0001F600\ufeff":
    print(hex(ord(c)), ud.category(c), ud.bidirectional(c), ud.combining(c), ud.east_asian_width(c), ud.mirrored(c), repr(ud.decomposition(c)), ud.name(c, "?"))
print(ud.numeric("\u00bd"), ud.numeric("\u2167"), ud.numeric("\u4e03"), ud.decimal("\u0660"), ud.digit("\u00b2"), ud.decimal("x", None))
print(ud.lookup("LATIN SMALL LETTER A"), ud.lookup("SNOWMAN"), ud.name("("), ud.mirrored("("))
s = "e\u0301 \ufb01 \u2168 \u1e9b\u0323"
for f in ("NFC", "NFD", "NFKC", "NFKD"):
    n = ud.normalize(f, s)
    print(f, [hex(ord(c)) for c in n], ud.is_normalized(f, s), ud.is_normalized(f, n))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: ud.category("ab"))
t(lambda: ud.category(1))
t(lambda: ud.name("\x00"))
t(lambda: ud.lookup("NOPE"))
t(lambda: ud.decimal("a"))
t(lambda: ud.digit("a"))
t(lambda: ud.numeric("a"))
t(lambda: ud.normalize("X", "a"))
