# str.maketrans and str.translate.
t = str.maketrans("abc", "xyz")
print("table:", sorted(t.items()))
print("translate:", "aabbcc-abc".translate(t))
t2 = str.maketrans("ab", "AB", "xyz")
print("with deletions:", "axbycz".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, ord("c"): "three"})
print("dict form:", sorted(t3.items()), "abcd".translate(t3))
print("translate with dict directly:", "hello".translate({ord("l"): "L", ord("o"): None}))
print("translate with list:", "abc".translate([None] * 97 + ["A"]))
class Lookup:
    def __getitem__(self, k):
        if k == ord("e"):
            return "3"
        raise LookupError
print("custom mapping (LookupError = unchanged):", "tree".translate(Lookup()))
for bad in [("ab", "x"), ({"ab": "x"},), ({1.5: "x"},), ("a",)]:
    try:
        str.maketrans(*bad)
    except (ValueError, TypeError) as e:
        print("maketrans", bad, type(e).__name__ + ":", e)
try:
    "a".translate({97: 5.0})
except TypeError as e:
    print("bad mapping value:", e)
try:
    "a".translate({97: 0x110000})
except ValueError as e:
    print("out of range:", e)
print("int mapping value:", "abc".translate({97: 65, 98: 0x263A}))
