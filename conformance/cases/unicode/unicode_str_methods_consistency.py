# Consistency properties across the whole BMP sample: upper/lower/casefold results stay strings, predicates agree.
import unicodedata as ud
sample = [chr(c) for c in range(0, 0x3000, 7) if ud.category(chr(c)) != "Cs"]
stats = {"isalpha_implies_L": 0, "isdecimal_implies_isdigit": 0, "isdigit_implies_isnumeric": 0, "isalnum_union": 0,
         "upper_is_str": 0, "changed_by_upper": 0, "changed_by_lower": 0, "casefold_len_grows": 0}
for ch in sample:
    cat = ud.category(ch)
    stats["isalpha_implies_L"] += (not ch.isalpha()) or cat.startswith("L")
    stats["isdecimal_implies_isdigit"] += (not ch.isdecimal()) or ch.isdigit()
    stats["isdigit_implies_isnumeric"] += (not ch.isdigit()) or ch.isnumeric()
    stats["isalnum_union"] += ch.isalnum() == (ch.isalpha() or ch.isdecimal() or ch.isdigit() or ch.isnumeric())
    stats["upper_is_str"] += type(ch.upper()) is str
    stats["changed_by_upper"] += ch.upper() != ch
    stats["changed_by_lower"] += ch.lower() != ch
    stats["casefold_len_grows"] += len(ch.casefold()) > 1
print("sampled:", len(sample))
for k, v in stats.items():
    print(f"{k:28} {v}")
