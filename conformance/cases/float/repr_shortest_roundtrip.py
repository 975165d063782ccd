# repr(float) is the shortest string that round-trips.
values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, 1e-4 * 3,
          5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 100.0, 1.5, -0.0, 0.0, 1e22, 1e23,
          9007199254740993.0, 0.30000000000000004, 3.141592653589793, 2.718281828459045, 1.1 * 1.1]
for v in values:
    r = repr(v)
    print(r, float(r) == v, str(v) == r)
print("exponent switch:", 1e15, 1e16, 0.0001, 0.00001, 123e-7)
print("ints as floats:", 1.0, -2.0, 10.0 ** 15, 10.0 ** 16)
print("nan/inf:", float("nan"), float("inf"), -float("inf"), repr(float("-nan")))
print("repr in containers:", [0.1, 1e100, -0.0], (2.5,), {1.0: 0.5})
print("round-trip many:", all(float(repr(x / 7)) == x / 7 for x in range(1, 2000)))
