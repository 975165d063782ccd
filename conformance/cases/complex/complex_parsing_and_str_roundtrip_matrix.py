# complex(str(z)) == z across special values and signs (except nan parts compare unequal).
import math
vals = [complex(a, b) for a in (0.0, -0.0, 1.5, -2.0, 1e300, math.inf) for b in (0.0, -0.0, 2.5, -1e-300, math.inf, -math.inf)]
bad = []
for z in vals:
    back = complex(str(z))
    same = (back.real == z.real and back.imag == z.imag and math.copysign(1, back.real) == math.copysign(1, z.real)
            and math.copysign(1, back.imag) == math.copysign(1, z.imag))
    if not same:
        bad.append(str(z))
print("checked:", len(vals), "not round-tripping exactly:", bad)
print("samples:", [str(v) for v in vals[:8]])
nanz = complex(math.nan, 1)
print("nan part:", str(nanz), str(complex(str(nanz))), complex(str(nanz)) == nanz)
print("repr == str for complex:", all(repr(z) == str(z) for z in vals))
