# cmath functions: sqrt of negatives, polar/rect, phase branch cuts, exp/log identities.
import cmath, math
print("sqrt(-1):", cmath.sqrt(-1), "sqrt(-4):", cmath.sqrt(-4), "sqrt(2j):", cmath.sqrt(2j))
print("sqrt branch cut signed zero:", cmath.sqrt(complex(-4, 0.0)), cmath.sqrt(complex(-4, -0.0)))
print("phase:", cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.phase(1j), cmath.phase(0j))
r, phi = cmath.polar(1 + 1j)
print("polar:", round(r, 12), round(phi, 12))
print("rect:", cmath.rect(2, 0), cmath.rect(1, math.pi / 2).real < 1e-15)
print("exp(i*pi):", cmath.exp(1j * math.pi).real, abs(cmath.exp(1j * math.pi).imag) < 1e-15)
print("log:", cmath.log(-1), cmath.log(1j), cmath.log(8, 2), cmath.log10(100))
print("isclose:", cmath.isclose(cmath.exp(cmath.log(3 + 4j)), 3 + 4j))
print("isinf/isnan/isfinite:", cmath.isinf(complex(1, math.inf)), cmath.isnan(complex(math.nan, 0)), cmath.isfinite(1 + 1j))
print("constants:", cmath.pi == math.pi, cmath.infj, cmath.nanj)
print("trig:", cmath.sin(0), cmath.cos(0), cmath.tan(0j))
try:
    cmath.log(0)
except ValueError as e:
    print("log(0):", e)
try:
    cmath.sqrt("x")
except TypeError as e:
    print("sqrt str:", e)
print("abs of huge is finite and close to sqrt(2)*1e308:", __import__("math").isclose(abs(complex(1e308, 1e308)), 2 ** 0.5 * 1e308))
try:
    abs(complex(1e308, 1e308)) * 0
    print("abs overflow is inf, no error")
except OverflowError as e:
    print("abs overflow:", e)
