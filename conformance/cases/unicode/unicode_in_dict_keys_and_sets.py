# Non-ASCII strings as dict keys and set members: composed vs decomposed forms are different keys.
import unicodedata as ud
composed, decomposed = "café", "cafe\u0301"
d = {composed: "NFC", decomposed: "NFD"}
print("two distinct keys:", len(d), composed == decomposed)
print("lookup by normalized key:", d[ud.normalize("NFC", decomposed)], d[ud.normalize("NFD", composed)])
norm = {}
for k, v in d.items():
    norm.setdefault(ud.normalize("NFC", k), []).append(v)
print("merged after normalization:", {ascii(k): v for k, v in norm.items()})
s = {"Å", "\u212b", "A\u030a"}
print("angstrom sign and A-ring distinct:", len(s), len({ud.normalize("NFC", x) for x in s}))
counts = {}
for word in "naïve Naïve NAÏVE naive".split():
    counts[word.casefold()] = counts.get(word.casefold(), 0) + 1
print("casefold counting:", {ascii(k): v for k, v in counts.items()})
print("sorted keys by code point:", ascii(sorted(["ä", "a", "z", "å", "b"])))
print("emoji keys:", {"👍": 1, "👍🏽": 2}["👍🏽"], len("👍🏽"))
