# Numeric literal forms: underscores, bases, exponents, imaginary, and bad forms.
print(1_000_000, 0x_ff, 0o17, 0b1010_1010)
print(1e3, 1_0.5e-2, .5, 5., 0e0, 1E-3)
print(3j, 1.5j, 1e2j, 0j == 0)
print(type(10), type(1.0), type(1j))
print(0xDEAD_BEEF, 0O777, 0B11, 00, 0_0)
print(123456789012345678901234567890 * 10)
for src in ["1__0", "0x", "1_", "0b2", "09", "1e", "0o8"]:
    try:
        eval(src)
        print(src, "ok")
    except SyntaxError as e:
        print(src, "SyntaxError:", e.msg)
