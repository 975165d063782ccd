# Unicode normalization: NFC, NFD, NFKC, NFKD; is_normalized; composed vs decomposed equality.
import unicodedata as ud
samples = ["é", "e\u0301", "ﬁ", "Å", "A\u030a", "①", "ｱ", "한", "\u1112\u1161\u11ab", "x²", "Ω", "\u2126", "ṩ", "s\u0323\u0307"]
for s in samples:
    forms = {f: ud.normalize(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")}
    print(ascii(s), {f: ascii(v) for f, v in forms.items()}, [ud.is_normalized(f, s) for f in forms])
print("composed != decomposed:", "é" == "e\u0301", ud.normalize("NFC", "e\u0301") == "é", len("é"), len("e\u0301"))
print("combining order canonicalized:", ascii(ud.normalize("NFD", "q\u0307\u0323")))
try:
    ud.normalize("NFX", "a")
except ValueError as e:
    print("bad form:", e)
ns = {}
exec("ﬁle = 5", ns)
print("ﬁle stored as:", [k for k in ns if not k.startswith("__")])
