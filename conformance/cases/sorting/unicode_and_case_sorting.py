# Strings sort by code point; casefold, normalisation and locale-free keys.
import unicodedata
words = ["zebra", "Zebra", "apple", "Äpfel", "éclair", "eclair", "Eclair", "ß", "ss", "10", "9", "_"]
print(sorted(words))
print(sorted(words, key=str.casefold))
print(sorted(words, key=lambda w: unicodedata.normalize("NFD", w).casefold()))
print(sorted(["a\u0301", "\u00e1", "b"]))
print(sorted(["file10", "file2", "file1"]))
import re
def natural(s):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]
print(sorted(["file10", "file2", "file1", "file1a"], key=natural))
print(sorted(["b", "a", "c"], reverse=True), sorted("Hello World"), sorted(b"bca"))
