# Special (one-to-many) case mappings: lengths change, and lower/upper are not inverses.
samples = ["ß", "ŉ", "ǰ", "ΐ", "ﬀ", "ﬃ", "ﬅ", "և", "ẖ", "ᾳ", "İ", "ẞ"]
for s in samples:
    print(f"{ascii(s):12} upper={ascii(s.upper()):28} len={len(s.upper())}  lower={ascii(s.lower()):14} casefold={ascii(s.casefold())}")
print("round trips fail:", "ß".upper().lower(), "İ".lower().upper() == "İ", len("İ".lower()))
print("str.upper of mixed word:", "straße ﬁnal".upper())
print("caseless equality helper:", (lambda a, b: a.casefold() == b.casefold())("Maße", "MASSE"), "Maße".lower() == "masse")
print("count after upper:", "ßßß".upper().count("S"))
print("lower() with final sigma context:", "ΟΔΟΣ ΟΔΟΣ.".lower(), "Σ".lower(), "ΑΣ1".lower())
print("casefold is more aggressive than lower:", [c for c in "ßﬁİΣς" if c.lower() != c.casefold()])
print("upper() of already-upper special chars:", "ẞ".upper(), "ǅ".upper(), "ǅ".lower())
print("case-insensitive find via casefold:", "STRASSE".casefold().find("ß".casefold()))
print("len changes are observable in slicing:", "ßa".upper()[2], "ﬃx".upper()[3])
