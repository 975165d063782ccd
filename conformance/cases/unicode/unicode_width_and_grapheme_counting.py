# Counting "characters": code points vs UTF-8/UTF-16 units vs east-asian width vs combining marks.
import unicodedata as ud
samples = ["abc", "日本", "e\u0301", "👍🏽", "🇯🇵", "👨\u200d💻", "Ａ", "\u200b"]
for s in samples:
    wide = sum(2 if ud.east_asian_width(c) in "WF" else 0 if ud.combining(c) or ud.category(c) in ("Mn", "Cf") else 1 for c in s)
    print(f"{ascii(s):28} cps={len(s)} utf8={len(s.encode())} utf16={len(s.encode('utf-16-le')) // 2} cols~{wide} cats={[ud.category(c) for c in s]}")
print("combining sequence count:", sum(1 for c in "e\u0301a\u0308o" if not ud.combining(c)))
print("regional indicators pair:", [ud.name(c) for c in "🇯🇵"])
print("skin tone modifier:", ud.name("\U0001F3FD"), ud.category("\U0001F3FD"))
print("ZWJ:", ud.name("\u200d"), ud.category("\u200d"))
