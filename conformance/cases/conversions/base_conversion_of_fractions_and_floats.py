# Converting fractional values between bases: float.hex, binary expansions via Fraction, and repeating decimals.
from fractions import Fraction
def binary_expansion(x, digits=20):
    f = Fraction(x)
    whole, frac = divmod(f, 1)
    out = []
    for _ in range(digits):
        if not frac:
            break
        frac *= 2
        bit, frac = divmod(frac, 1)
        out.append(str(bit))
    return f"{whole}." + ("".join(out) or "0")
for v in (0.5, 0.1, 0.375, 2.75, 1 / 3):
    print(f"{v!r:20} bin={binary_expansion(v)} hex={v.hex()}")
def decimal_expansion(num, den):
    whole, rem = divmod(num, den)
    digits, seen = [], {}
    while rem and rem not in seen:
        seen[rem] = len(digits)
        d, rem = divmod(rem * 10, den)
        digits.append(str(d))
    if rem:
        i = seen[rem]
        return f"{whole}." + "".join(digits[:i]) + "(" + "".join(digits[i:]) + ")"
    return f"{whole}." + ("".join(digits) or "0")
print("repeating decimals:", [decimal_expansion(1, d) for d in (3, 6, 7, 8, 12)], decimal_expansion(22, 7))
print("exact ratio of float:", Fraction(0.1), (0.1).as_integer_ratio() == (Fraction(0.1).numerator, Fraction(0.1).denominator))
