# Case mapping beyond ASCII, casefold, and identifiers with non-ASCII letters.
pairs = ["ǆ", "ǅ", "Ǆ", "ß", "ẞ", "ŉ", "ΐ", "ﬀ", "İ", "ı", "K", "Å", "µ", "ς", "ϑ"]
for ch in pairs:
    print(ascii(ch), ascii(ch.upper()), ascii(ch.lower()), ascii(ch.title()), ascii(ch.casefold()), ch.isupper(), ch.islower(), ch.istitle())
print("caseless match:", "MASSE".casefold() == "Maße".casefold(), "ΣΑΣ".lower(), "ΣΑΣ".casefold())
ns = {}
exec("café = 1\nπ = 3.14\n变量 = 'v'\nÅngström = 2", ns)
print("unicode identifiers:", sorted(k for k in ns if not k.startswith("__")))
print("isidentifier:", "ñame".isidentifier(), "x²".isidentifier(), "²x".isidentifier(), "a·b".isidentifier(), "℘".isidentifier())
print("digits in other scripts:", int("٣٤"), int("߁"), float("४.५"), "٣".isdecimal(), "³".isdecimal(), "³".isdigit())
print("title of mixed:", "ǆungla ǆ".title(), "hello ﬁsh".title())
print("swapcase not involutive:", "ß".swapcase(), "ß".swapcase().swapcase())
