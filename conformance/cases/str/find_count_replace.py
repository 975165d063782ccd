# find/rfind/index/rindex/count/replace with bounds and empty needles.
s = "abracadabra"
print("find:", s.find("abra"), s.find("abra", 1), s.find("abra", 1, 10), s.find("z"), s.find(""), s.find("", 11), s.find("", 12))
print("rfind:", s.rfind("abra"), s.rfind("a", 0, 5), s.rfind(""), s.rfind("z"))
print("negative bounds:", s.find("a", -4), s.find("a", -100, -8), s.count("a", -5))
print("index:", s.index("c"), s.rindex("a"))
for fn in (s.index, s.rindex):
    try:
        fn("z")
    except ValueError as e:
        print(fn.__name__, "missing:", e)
print("count:", s.count("a"), s.count("abra"), s.count(""), "aaaa".count("aa"), "".count(""), s.count("a", 3, 8))
print("replace:", s.replace("a", "A"), s.replace("a", "A", 2), s.replace("", "-"), "".replace("", "x"), s.replace("abra", ""))
print("replace count 0 / -1:", s.replace("a", "b", 0), s.replace("a", "b", -1))
print("replace empty with count:", "abc".replace("", "|", 2))
print("in operator:", "cad" in s, "" in s, "dab" not in s)
try:
    1 in "abc"
except TypeError as e:
    print("int in str:", e)
print("startswith/endswith:", s.startswith("abr"), s.startswith(("x", "ab")), s.endswith("bra", 0, 11), s.startswith("cad", 4), s.endswith("", 5))
try:
    s.startswith(["a"])
except TypeError as e:
    print("startswith list:", e)
