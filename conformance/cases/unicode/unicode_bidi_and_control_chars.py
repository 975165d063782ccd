# Control and format characters in strings: printable-ness, repr escapes, str.isprintable, removal by category.
import unicodedata as ud
chars = ["\t", "\x7f", "\x85", "\xa0", "\xad", "\u200e", "\u202e", "\u2066", "\ufeff", "\ue000", "\U000e0041", "\u0378", "a", "\u3000"]
for c in chars:
    print(f"{ascii(c):12} cat={ud.category(c):3} bidi={ud.bidirectional(c) or '-':4} printable={c.isprintable()!s:5} repr={repr(c)}")
text = "safe\u202etxt.exe\u200b and\u00adsoft"
clean = "".join(c for c in text if ud.category(c) not in ("Cf", "Cc"))
print("strip format/control:", ascii(text), "->", ascii(clean))
print("isprintable on mixed:", "abc\u00e9".isprintable(), "a\nb".isprintable(), "\u2028".isprintable())
print("splitlines treats \\x85 and \\u2028 as breaks:", "a\x85b\u2028c".splitlines())
