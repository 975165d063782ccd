# String comparison is by code point; min/max/sorted; equality with other types.
print("basic:", "a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc", "" < "a")
print("code points:", "é" > "z", "\uffff" < "𐀀", sorted(["b", "A", "a", "B", "é", "_", "1"]))
print("equality:", "a" == "a", "a" == b"a", "1" == 1, "a" != "A")
try:
    "a" < 1
except TypeError as e:
    print("str < int:", e)
print("min/max:", min("hello"), max("hello"), min(["pear", "apple", "fig"]), max(["pear", "apple", "fig"], key=len))
print("sorted with key:", sorted(["b", "A", "c"], key=str.lower), sorted("Hello World", reverse=True)[:3])
print("casefold compare:", "Straße".casefold() == "STRASSE".casefold(), "Straße".lower() == "strasse")
print("in tuple compare:", ("a", 2) < ("a", 10), ("b",) > ("a", "z"))
import locale
print("strcoll in C locale is codepoint:", locale.strcoll("a", "B") > 0)
print("chained:", "a" < "b" < "c", "a" < "c" < "b")
print("is vs ==:", "abc" == "".join(["a", "b", "c"]))
