# re: \w, \d, \s and case-insensitive matching are Unicode-aware for str patterns, ASCII for bytes.
import re
text = "café 42 ٣٤ naïve\u00a0x\u2003y ǅ_1"
print("\\w+:", re.findall(r"\w+", text))
print("\\d+:", re.findall(r"\d+", text))
print("\\s count:", len(re.findall(r"\s", text)))
print("ASCII flag:", re.findall(r"\w+", text, re.ASCII), re.findall(r"\d+", text, re.A))
print("bytes patterns ASCII only:", re.findall(rb"\w+", "café".encode()))
print("IGNORECASE unicode:", bool(re.fullmatch("straße", "STRAßE", re.I)), bool(re.fullmatch("ǆ", "Ǆ", re.I)), bool(re.fullmatch("k", "\u212a", re.I)))
print("IGNORECASE no full casefold:", bool(re.fullmatch("ss", "ß", re.I)))
print("\\b with unicode:", re.findall(r"\b\w", "ñu über"))
print("character ranges by code point:", re.findall(r"[à-ÿ]", "aàbÿz"))
print("\\N escapes in patterns:", bool(re.match(r"\N{EM DASH}", "—")))
print("split on unicode whitespace:", re.split(r"\s+", "a\u3000b\u2028c"))
print("sub with unicode:", re.sub(r"[^\w\s]", "", "¡Hola, señor!"), re.sub(r"\d", "#", "1٢३"))
