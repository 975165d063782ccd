# str/repr/format of large ints in several bases stay consistent; int() parses them back.
vals = [7**77, -(3**100), 2**128 - 1, 10**50 + 1, -1]
for v in vals:
    s, h, o, b = str(v), hex(v), oct(v), bin(v)
    print(len(s), h[:12], o[:12], b[:14], int(s) == v, int(h, 16) == v, int(o, 8) == v, int(b, 2) == v, repr(v) == s)
print("format widths on big:", f"{2**100:>40}|", f"{-2**70:_}", f"{2**64:#x}")
print("digit sums:", sum(map(int, str(2**1000))), sum(int(c, 16) for c in hex(2**1000)[2:]))
print("leading zeros in other bases:", int("000123"), int("0x000ff", 16), int("0o0007", 8), int("0" * 50 + "1"))
print("negative zero does not exist for ints:", -0, str(-0), format(-0, "+"), hex(-0))
print("bool repr vs int.__repr__ on a bool:", repr(True), str(True), int.__repr__(True))
print("format with sign-aware zero padding on big negatives:", f"{-(2**70):030d}")
print("str of ints in containers uses repr:", [2**64, -1], {2**65: True})
n = 10**100
print("googol digits:", len(str(n)), str(n).count("0"), str(n)[:3], str(-n)[:3])
print("int(str) with surrounding whitespace and sign:", int("  -0000042  "), int("+0"), int("\u00a012\u2009"))
