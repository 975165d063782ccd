# format() of complex numbers.
z = 1234.5678 - 9.87654321j
for spec in ["", "f", ".2f", ".3e", "g", ".2g", "10.1f", "<30.2f", "^30", "+.1f", ",.2f", "*>25.3f", "E", "G"]:
    print(f"{spec!r:10} -> {format(z, spec)!r}")
print("pure imaginary:", format(2j, ""), format(2j, ".1f"), format(-0.0j, ""), format(complex(-0.0, 0.0), ""))
print("inf/nan:", format(complex(float("inf"), float("nan")), ".2f"))
for spec in ["=10", "010", "d", "%"]:
    try:
        format(z, spec)
    except ValueError as e:
        print(f"{spec!r}:", e)
print("f-string:", f"{1+1j}", f"{1+1j!r:>10}", f"{(3-4j):.0f}")
print("str.format:", "{0.real} {0.imag}".format(z), "{:.1f}".format(1j))
