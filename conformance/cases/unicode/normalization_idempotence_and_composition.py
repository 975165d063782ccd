# Normalization forms are idempotent and related: NFC(NFD(s)) == NFC(s), NFKC(NFC(s)) == NFKC(s), over a sample.
import unicodedata as ud
sample = "".join(chr(c) for c in range(0xA0, 0x2000, 3) if ud.category(chr(c)) not in ("Cn", "Cs", "Co"))
chunks = [sample[i:i + 20] for i in range(0, len(sample), 20)]
props = {"NFC idempotent": 0, "NFD idempotent": 0, "NFKC idempotent": 0, "NFC(NFD)==NFC": 0, "NFKC(NFC)==NFKC": 0,
         "NFD(NFC)==NFD": 0, "is_normalized agrees": 0}
for s in chunks:
    nfc, nfd, nfkc = ud.normalize("NFC", s), ud.normalize("NFD", s), ud.normalize("NFKC", s)
    props["NFC idempotent"] += ud.normalize("NFC", nfc) == nfc
    props["NFD idempotent"] += ud.normalize("NFD", nfd) == nfd
    props["NFKC idempotent"] += ud.normalize("NFKC", nfkc) == nfkc
    props["NFC(NFD)==NFC"] += ud.normalize("NFC", nfd) == nfc
    props["NFKC(NFC)==NFKC"] += ud.normalize("NFKC", nfc) == nfkc
    props["NFD(NFC)==NFD"] += ud.normalize("NFD", nfc) == nfd
    props["is_normalized agrees"] += ud.is_normalized("NFC", nfc) and ud.is_normalized("NFD", nfd)
print("chunks:", len(chunks), "chars:", len(sample))
for k, v in props.items():
    print(f"{k:22} {v == len(chunks)}")
lengths = [(len(ud.normalize(f, sample))) for f in ("NFC", "NFD", "NFKC", "NFKD")]
print("total lengths NFC/NFD/NFKC/NFKD:", lengths)
