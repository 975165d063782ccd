# Float //, %, divmod identities and sign rules; math.fmod and math.remainder differ from %.
import math
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.3, 0.1), (1e300, 3e-300), (5.0, 0.5), (-0.0, 1.0), (1.0, math.inf), (-1.0, math.inf)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(f"{a!r:>8} {b!r:>8}  // {a // b!r:>24}  % {a % b!r:>22}  fmod {math.fmod(a, b)!r:>22}  remainder {math.remainder(a, b) if math.isfinite(b) else 'n/a'!r:>22}  same-as-divmod {(q, r) == (a // b, a % b)}")
print("sign of % follows divisor:", [math.copysign(1, a % b) for a, b in [(5.0, 3.0), (-5.0, 3.0), (5.0, -3.0), (-0.0, 3.0), (0.0, -3.0)]])
print("q*b + r close to a:", all(math.isclose((a // b) * b + a % b, a, rel_tol=1e-12, abs_tol=1e-300) for a, b in pairs if math.isfinite(b) and math.isfinite(a // b)))
print("remainder rounds to even:", math.remainder(5, 2), math.remainder(7, 2), math.remainder(-5, 2))
