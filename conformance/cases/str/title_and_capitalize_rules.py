# str.title/capitalize/istitle rules: word boundaries are any non-cased characters.
samples = ["hello world", "hELLO wORLD", "they're", "x-ray vision", "3rd place", "a1b2c3", "mcdonald's", "ÉCOLE ÉTÉ",
           "o'neil", "__init__", "  spaced  out ", "ǆemal ǉiljana", "ß straße"]
for s in samples:
    print(f"{s!r:18} title={s.title()!r:18} capitalize={s.capitalize()!r:18} istitle={s.title().istitle()}")
print("istitle examples:", "Hello World".istitle(), "Hello world".istitle(), "HELLO".istitle(), "123".istitle(), "A1".istitle(), "1A".istitle())
import string
print("capwords splits on whitespace only:", string.capwords("they're x-ray"), string.capwords("hello   world"))
print("title() twice, then capitalize:", "they're".title().title(), "They'Re".capitalize())
print("capitalize uses titlecase for the first char (3.8+):", "ǆungla".capitalize(), "ǳ".capitalize())
print("swapcase twice is not always identity:", "ß".swapcase().swapcase(), "İ".swapcase().swapcase() == "İ")
print("istitle requires cased chars:", "".istitle(), "1 2".istitle(), "A 1".istitle(), "Ǆ".istitle(), "ǅ".istitle())
