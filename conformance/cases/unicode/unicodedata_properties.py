# unicodedata: names, categories, numeric values, bidirectional class, lookups (Unicode 14.0 in CPython 3.11).
import unicodedata as ud
print("version:", ud.unidata_version)
for ch in ["A", "a", "1", "½", "٣", "€", "中", "\u0301", " ", "\n", "😀", "Ⅻ", "ß", "\u200d"]:
    print(repr(ch), ud.name(ch, "<no name>"), ud.category(ch), ud.bidirectional(ch), ud.combining(ch),
          ud.numeric(ch, None), ud.decimal(ch, None), ud.digit(ch, None), ud.east_asian_width(ch), ud.mirrored(ch))
print("lookup:", ud.lookup("SNOWMAN"), ud.lookup("LATIN SMALL LETTER E WITH ACUTE"), "\N{GREEK SMALL LETTER ALPHA}")
try:
    ud.lookup("NO SUCH CHARACTER NAME")
except KeyError as e:
    print("lookup missing:", e)
try:
    ud.name("\x00")
except ValueError as e:
    print("name of control:", e)
print("decomposition:", ud.decomposition("é"), ud.decomposition("ﬁ"), repr(ud.decomposition("a")))
print("hangul name:", ud.name("\uac00"), "cjk name:", ud.name("\u4e00"))
