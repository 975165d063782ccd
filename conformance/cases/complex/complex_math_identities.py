# Algebraic identities with complex numbers (exact where representable).
z, w = 3 + 4j, -1 + 2j
print("conjugate product:", z * z.conjugate(), abs(z) ** 2)
print("distributive:", z * (w + 1) == z * w + z)
print("division inverse:", (z / w) * w, abs((z / w) * w - z) < 1e-12)
print("powers of i:", [1j ** k for k in range(5)])
print("integer powers exact:", (1 + 1j) ** 8, (2 - 1j) ** 3)
print("negative powers:", (1j) ** -1, (2j) ** -2)
print("real/imag of ops:", (z + w).real, (z * w).imag, (-z).real)
print("abs/hypot agree:", abs(5 + 12j), abs(-5 - 12j), __import__("math").isclose(abs(complex(3e200, 4e200)), 5e200))
print("mix with fractions:", __import__("fractions").Fraction(1, 2) + 1j)
import cmath
print("roots of unity:", [complex(round(r.real, 12), round(r.imag, 12)) for r in (cmath.exp(2j * cmath.pi * k / 4) for k in range(4))])
print("quadratic roots:", sorted(((-2 + cmath.sqrt(4 - 4 * 5)) / 2, (-2 - cmath.sqrt(4 - 4 * 5)) / 2), key=lambda c: c.imag))
