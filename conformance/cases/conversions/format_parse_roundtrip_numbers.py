# Formatting numbers and parsing them back: which formats round-trip exactly and which lose information.
import math
values = [0.1, 1 / 3, 2 / 3, 1e-300, 123456789.987654321, math.pi, -0.0, 1e22]
for v in values:
    forms = {"repr": repr(v), ".17g": format(v, ".17g"), ".15g": format(v, ".15g"), "e": format(v, "e"), "f": format(v, "f")}
    print(f"{v!r:24}", {k: float(s) == v for k, s in forms.items()})
print("int through float loses precision:", int(float(2**60 + 1)) == 2**60 + 1, int(float(2**52 + 1)) == 2**52 + 1)
print("int via str keeps it:", int(str(2**200 + 1)) == 2**200 + 1)
print("hex float round trip:", all(float.fromhex(v.hex()) == v for v in values))
print("percent format round trip:", float("%.17g" % 0.1) == 0.1, float("%.16g" % 0.1) == 0.1)
print("Decimal(str(f)) vs Decimal(f):", str(__import__("decimal").Decimal(str(0.1))), len(str(__import__("decimal").Decimal(0.1))))
print("complex repr round trip:", complex(repr(complex(1 / 3, -2 / 3))) == complex(1 / 3, -2 / 3))
print("bool repr -> eval:", eval(repr(True)) is True, eval(repr(None)) is None)
