# repr of complex numbers and complex() string parsing.
vals = [1j, -1j, 1 + 2j, 1.5 - 0.5j, complex(0, 0), complex(-0.0, 0), complex(0, -0.0), complex(-0.0, -0.0),
        complex(1e20, 1e-20), complex(float("inf"), float("nan")), complex(-float("inf"), 1), 2j * 1e16]
for v in vals:
    print(repr(v), str(v))
good = ["1+2j", " 3j ", "(1-1j)", "-j", "+J", "4", "1e3-2.5e-1j", "(  2+3j  )", "inf+nanj", "-1_0j", "1.j", ".5j"]
for s in good:
    print(f"complex({s!r}) =", complex(s))
bad = ["", "1+2", "j1", "1 + 2j", "(1+2j", "1+2j)", "1+j+1", "jj", "1+2i", "()"]
for s in bad:
    try:
        complex(s)
    except ValueError as e:
        print(f"complex({s!r}):", e)
print("two args:", complex(1, 2), complex(1j, 1j), complex("1"), complex(2.5), complex(real=1, imag=3))
try:
    complex("1", 2)
except TypeError as e:
    print("str with imag:", e)
try:
    complex(1, "2")
except TypeError as e:
    print("imag str:", e)
try:
    complex(None)
except TypeError as e:
    print("None:", e)
print("complex():", complex())
