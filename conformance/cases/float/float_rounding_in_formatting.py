# Formatting rounds the exact binary value half-to-even; repr never rounds away information.
cases = [(0.5, ".0f"), (1.5, ".0f"), (2.5, ".0f"), (0.125, ".2f"), (0.135, ".2f"), (1.0005, ".3f"), (1.0015, ".3f"),
         (2.675, ".2f"), (1e-7, ".7f"), (1e-7, ".6f"), (9.995, ".2f"), (99.5, ".0f"), (-0.5, ".0f"), (-1.5, ".0f"),
         (0.05, ".1f"), (0.15, ".1f"), (0.25, ".1f"), (0.35, ".1f"), (123.456, ".1e"), (1.5e-5, ".0e"), (2.5e-5, ".0e")]
for v, spec in cases:
    from decimal import Decimal
    print(f"{v!r:8} {spec:4} -> {format(v, spec):>12}   exact={Decimal(v):.25f}")
print("%-formatting agrees:", all(("%" + s) % v == format(v, s) for v, s in cases))
print("g precision strips:", format(0.1 + 0.2, ".17g"), format(0.1 + 0.2, ".16g"), format(0.1 + 0.2, ".15g"))
print("round() agrees with format on exact ties:", round(0.125, 2), format(0.125, ".2f"), round(0.375, 2), format(0.375, ".2f"))
