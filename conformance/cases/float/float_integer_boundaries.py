# Integers representable in floats, spacing between floats, and int<->float equality at the edges.
import math, sys
print("2**53 boundary:", float(2**53) == 2**53, float(2**53 + 1) == 2**53, 2**53 + 1.0 == 2**53)
print("spacing:", math.ulp(2.0**53), math.ulp(1e16), math.ulp(1e300), math.ulp(0.0))
print("next floats:", math.nextafter(2.0**53, math.inf) - 2.0**53, math.nextafter(1.0, 0.0))
print("is_integer across range:", [(2.0**k + 0.5).is_integer() for k in (0, 51, 52, 53)])
print("exact comparisons near 2**63:", 2**63 == 2.0**63, 2**63 - 1 < 2.0**63, 2**63 - 1 == float(2**63 - 1))
print("max int exactly as float:", int(sys.float_info.max) == (2**53 - 1) * 2**971)
print("float(int) rounding half-even:", float(2**53 + 1), float(2**53 + 3), float(-(2**53 + 1)))
print("int // float:", 2**60 // 1.0, (2**60 + 1) // 1.0 == 2.0**60)
print("hash equality holds where values are equal:", hash(2.0**80) == hash(2**80), hash(1e16) == hash(10**16))
print("range of exponents:", sys.float_info.max_exp, sys.float_info.min_exp, sys.float_info.max_10_exp, sys.float_info.min_10_exp)
print("radix/rounds:", sys.float_info.radix, sys.float_info.rounds)
print("frexp of boundaries:", math.frexp(sys.float_info.max), math.frexp(5e-324), math.frexp(-0.0))
