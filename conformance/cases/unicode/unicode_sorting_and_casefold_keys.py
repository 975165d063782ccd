# Sorting Unicode strings: code point order vs casefold vs normalized keys (no locale collation).
import unicodedata as ud
words = ["zebra", "Äpfel", "apple", "Zürich", "éclair", "eclair", "Ångström", "angle", "ß", "ss", "e\u0301clair"]
print("code point order:", ascii(sorted(words)))
print("casefold order:", ascii(sorted(words, key=str.casefold)))
def strip_accents(s):
    return "".join(c for c in ud.normalize("NFD", s) if not ud.combining(c))
print("accent-insensitive:", ascii(sorted(words, key=lambda w: (strip_accents(w).casefold(), w))))
print("NFC then compare:", ud.normalize("NFC", "e\u0301clair") == "éclair", "e\u0301clair" == "éclair")
print("casefold equality:", "ß".casefold() == "ss".casefold(), "ﬁ".casefold() == "fi", "Σ".casefold() == "ς".casefold())
print("dedupe by normalized casefold:", sorted({ud.normalize("NFC", w).casefold() for w in ["Éclair", "e\u0301clair", "ÉCLAIR"]}))
print("max/min by code point:", ascii(max(words)), ascii(min(words)))
