# round(): half-to-even for ints, exact-value rounding for floats, ndigits handling.
print("half to even:", [round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5)])
print("types:", type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
print("binary values:", round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(2.5, 0))
print("negative ndigits:", round(1234.5, -1), round(1255.0, -1), round(1250.0, -2), round(-1350.0, -2))
print("large ndigits:", round(0.1, 20), round(1.23456, 400), round(1e300, -300), round(1e300, -400))
print("tiny:", round(5e-324, 323), round(5e-324, 324), round(-1e-10, 3))
print("signed zero kept:", round(-0.4), round(-0.4, 1), round(-0.0, 2))
for v in (float("inf"), float("nan")):
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print("round(%r):" % v, type(e).__name__, e)
    print("round(%r, 2):" % v, round(v, 2))
try:
    round(1.5, 1.0)
except TypeError as e:
    print("float ndigits:", e)
print("round of huge float to int:", round(1e20), round(-1.5e16 + 1))
print("ndigits kw:", round(number=3.14159, ndigits=3))
print("int round ndigits:", round(15, -1), round(25, -1), round(-25, -1), round(123, 1))
