# float() from strings: whitespace, underscores, infinities, case, errors.
good = ["1", " 1.5 ", "-2e3", "+.5", "5.", "1_000.5", "1e-30", "inf", "-INF", "Infinity",
        "nan", "-NaN", "  +inFinity\n", "1E5", "010", "\u0661.\u0665", "1_2.3_4e1_0",
        "3.141592653589793238462643383279", "1e400", "-1e400", "1e-400", "0.000000000000000000000000001"]
for s in good:
    print(f"float({s!r}) =", repr(float(s)))
bad = ["", " ", "1..5", "e5", "1e", "1_", "_1", "1__0", "0x10", "1.5f", "in f", "nana", "1,5", "- 1"]
for s in bad:
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
print("bytes:", float(b"2.5"), float(bytearray(b" -1e2 ")))
try:
    float(None)
except TypeError as e:
    print("None:", e)
try:
    float([1.0])
except TypeError as e:
    print("list:", e)
print("from int big:", float(2**63), float(-(2**63)), float(True))
print("float():", float(), float("0"))
