# Case conversion and classification, including non-ASCII special casing.
words = ["hello World", "ÉCOLE", "straße", "ǅemal", "ﬁsh", "İstanbul", "ΣΊΣΥΦΟΣ", "mixed123ABC"]
for w in words:
    print(repr(w), "->", repr(w.upper()), repr(w.lower()), repr(w.casefold()), repr(w.title()), repr(w.swapcase()), repr(w.capitalize()))
print("title with apostrophe:", "they're bill's friends".title())
print("capitalize lowers rest:", "hELLO wORLD".capitalize())
print("upper length changes:", len("ß"), len("ß".upper()), len("ﬃ".upper()))
print("final sigma:", "ΟΔΟΣ".lower(), "Σ".lower(), "ΑΣ ΒΣ".lower())
tests = ["abc", "ABC", "Abc", "Title Case", "123", "١٢٣", "½", "abc123", "", " ", "\t\n", "Ⅷ", "²", "a_b", "ǅ"]
for t in tests:
    print(repr(t), [t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isspace(),
                    t.islower(), t.isupper(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii()])
print("isidentifier:", "_x1".isidentifier(), "1x".isidentifier(), "class".isidentifier(), "ñ".isidentifier())
print("isprintable:", "\x7f".isprintable(), "\u00a0".isprintable(), "é".isprintable())
