# Unpacking text: strings yield characters (code points), bytes yield ints, and counts must match.
a, b, c = "héé"
print(a, b, c, len("héé"))
x, y = "🐍!"
print(x, y, len(x))
p, q, r = b"\x00\xff!"
print(p, q, r)
*letters, last = "abc"
print(letters, last)
try:
    one, two = "é\u0301"
    print("combining mark is its own code point:", repr(one), repr(two))
except ValueError as e:
    print("ValueError:", e)
try:
    s1, s2 = "abc"
except ValueError as e:
    print("ValueError:", e)
