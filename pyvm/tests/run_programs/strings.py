s = "the cat sat on the mat"
print(s.find("cat"), s.find("dog"), s.find(""), "héllo".find("llo"))
print(s.replace("at", "og"), s.replace("the", "a", 1), "abc".replace("", "-"), "aaa".replace("a", "b", 2))
print(s.startswith("the"), s.endswith("mat"), s.endswith(("x", "at")), "ünï".upper(), "ABC".lower())
print(", ".join(str(i) for i in range(5)), len("日本語"), "日本語"[1], "日本語"[::-1])
words = []
for ch in "héllo":
    words.append(ch)
print(words, "é" in "héllo", "x" not in "héllo", repr("tab\there"), str(3.0), str(-0.0))
print("a" * 3 + "b", "abc" < "abd", "Z" < "a", max("hello"), sorted("banana"))
