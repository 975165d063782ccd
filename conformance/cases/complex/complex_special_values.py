# Infinities and nans in complex arithmetic and abs.
import math, cmath
inf, nan = math.inf, math.nan
z = complex(inf, 0)
print("inf parts:", z, z * 2, z + 1j, abs(complex(inf, nan)), abs(complex(nan, inf)))
print("abs nan:", abs(complex(nan, 1)))
print("nan equality:", complex(nan, 0) == complex(nan, 0))
w = complex(0, inf)
print("imag inf:", w, -w, w.conjugate())
print("mult inf by j:", complex(inf, 0) * 1j)
print("division small:", (1 + 1j) / (1e-308 + 1e-308j))
print("repr of huge:", complex(1e308, -1e308) * 1, complex(1e-320, 5e-324))
print("cmath.isinf on parts:", [cmath.isinf(c) for c in (complex(inf, 0), complex(0, -inf), complex(nan, inf), 1 + 1j)])
print("hash of inf complex:", hash(complex(inf, 0)) == hash(inf))
print("signed zeros preserved:", complex(-0.0, -0.0), -complex(0.0, 0.0), complex(0.0, 0.0) * -1)
