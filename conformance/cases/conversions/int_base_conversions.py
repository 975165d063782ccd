# Converting between bases: int(s, base), bin/oct/hex, format specs, and a hand-written converter.
def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))
for n in [0, 5, -5, 255, 2**64 + 7, -(3**40)]:
    for base in (2, 3, 8, 16, 36):
        s = to_base(n, base)
        assert int(s, base) == n
    print(n if abs(n) < 10**6 else "big", to_base(n, 2)[:24], to_base(n, 7), to_base(n, 36), format(n, "x"), format(n, "o"))
print("base 0 auto-detect:", [int(s, 0) for s in ("0b11", "0o17", "0x1f", "42", "-0x10", "0_0", "1_000")])
print("case insensitive digits:", int("DeadBeef", 16), int("ZZ", 36), int("zz", 36))
print("format with # prefixes:", format(10, "#b"), format(10, "#o"), format(10, "#x"), format(10, "#X"), format(-10, "#x"))
print("zero padding with prefix:", format(10, "#010b"), format(255, "#06x"), f"{255:#_b}")
print("bytes hex:", (255).to_bytes(2, "big").hex(), bytes.fromhex("00ff"), int("00ff", 16))
