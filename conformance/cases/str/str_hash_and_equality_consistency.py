# Equal strings hash equally however they were built (values of str hashes are randomized, so only equalities print).
import sys
parts = ["na", "ïve"]
a = "naïve"
b = "".join(parts)
c = "na" + "ïve"
d = "NAÏVE".lower()
e = b"na\xc3\xafve".decode()
f = "%s%s" % tuple(parts)
g = f"{parts[0]}{parts[1]}"
h = sys.intern("".join(parts))
variants = [b, c, d, e, f, g, h]
print("all equal:", all(v == a for v in variants), "all same hash:", len({hash(v) for v in variants + [a]}) == 1)
class S(str):
    pass
print("subclass hash equals base:", hash(S(a)) == hash(a), S(a) == a)
print("dict lookup with any variant:", all({a: 1}[v] == 1 for v in variants))
print("set dedup:", len(set(variants + [a, S(a)])))
print("different strings usually differ (sampled):", len({hash(str(i)) for i in range(1000)}) > 990)
print("intern returns canonical equal object:", sys.intern(b) == a, sys.intern(h) is h)
print("hash of empty string is stable within a run:", hash("") == hash("".join([])))
print("str vs bytes hash relation not relied upon; equality:", "abc" == b"abc".decode())
