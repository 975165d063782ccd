# int(str, base): prefixes, underscores, whitespace, signs, and errors.
cases = [("42", 10), ("  -17  ", 10), ("+5", 10), ("ff", 16), ("FF", 16), ("0xff", 16), ("0xff", 0),
         ("0o17", 0), ("0b101", 0), ("0B101", 2), ("z", 36), ("Zz", 36), ("1_000_000", 10),
         ("0x_ff", 0), ("777", 8), ("\t12\n", 10), ("0", 0), ("00", 0), ("-0x10", 16), ("10", 2)]
for s, b in cases:
    print(f"int({s!r}, {b}) =", int(s, b))
bad = [("", 10), ("1__0", 10), ("_1", 10), ("1_", 10), ("08", 0), ("0x", 16), ("12", 2), ("1.5", 10),
       ("ff", 10), ("- 1", 10), ("0b2", 0), ("++1", 10)]
for s, b in bad:
    try:
        int(s, b)
    except ValueError as e:
        print("ValueError:", e)
for b in (1, 37, -1):
    try:
        int("1", b)
    except ValueError as e:
        print("bad base:", e)
try:
    int(12, 10)
except TypeError as e:
    print("base with non-str:", e)
print("bytes input:", int(b"42"), int(bytearray(b" 7 ")), int(b"ff", 16))
print("unicode digits:", int("\u0663\u0664"), int("\uff11\uff12"))
print("int(float):", int(3.9), int(-3.9), int(1e20))
try:
    int(float("inf"))
except OverflowError as e:
    print("inf:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("nan:", e)
print("int() no args:", int(), "int(True):", int(True))
print("base kw:", int("11", base=3))
