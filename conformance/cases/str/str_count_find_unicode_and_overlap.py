# Searching strings: overlapping matches need loops or regex lookahead; find in non-ASCII; index arithmetic.
import re
s = "aaaa"
print("count is non-overlapping:", s.count("aa"), len(re.findall("(?=aa)", s)))
def find_all(hay, needle):
    out, i = [], hay.find(needle)
    while i != -1:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out
print("find_all overlapping:", find_all("abababa", "aba"), find_all("mississippi", "issi"), find_all("x", ""))
text = "naïve café, naïve résumé"
print("find in non-ASCII:", text.find("naïve", 1), text.rfind("é"), text.index("café"), len(text))
print("slices from find:", text[text.find("café"):text.find(",")])
print("count with bounds:", text.count("é", 0, 12), text.count("é", 12))
print("rfind with bounds:", "abcabc".rfind("abc", 0, 5), "abcabc".rfind("abc", 1))
print("in with empty and self:", "" in "", "abc" in "abc", "abcd" in "abc")
print("str.index vs find on miss:", "abc".find("z"), end=" ")
try:
    "abc".index("z")
except ValueError as e:
    print("/ index:", e)
print("startswith with negative start:", "hello".startswith("lo", -2), "hello".endswith("he", 0, 2))
