# Builtins with complex numbers: abs, pow, sum, round/int/float errors, hash, bool, format, divmod errors.
z = 3 - 4j
print("abs/pow/sum:", abs(z), pow(z, 2), pow(z, 0), sum([z, 1j, 2]), sum([z] * 3, 0j))
print("bool/hash:", bool(0j), bool(z), hash(complex(5, 0)) == hash(5))
print("format/str/repr:", format(z, ".1f"), str(z), repr(z))
for label, fn in [("int(z)", lambda: int(z)), ("float(z)", lambda: float(z)), ("round(z)", lambda: round(z)),
                  ("divmod(z, 2)", lambda: divmod(z, 2)), ("z // 2", lambda: z // 2), ("z % 2", lambda: z % 2),
                  ("pow(z, 2, 3)", lambda: pow(z, 2, 3)), ("max(z, 1j)", lambda: max(z, 1j)), ("sorted([z, 1j])", lambda: sorted([z, 1j]))]:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print("complex from str with spaces around parens:", complex(" (1+2j) "))
print("math vs cmath:", __import__("cmath").sqrt(-4), end=" ")
try:
    __import__("math").sqrt(z)
except TypeError as e:
    print("| math.sqrt(complex):", e)
