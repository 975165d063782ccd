# str(), repr(), format() and f-strings of numbers give consistent representations.
nums = [0, 7, -42, 10**20, 0.5, -0.0, 1e-10, 12345.678, 1e100, True, 3 + 0j, -1.5j]
for n in nums:
    print(f"{type(n).__name__:8} str={str(n)!s:26} repr={repr(n)!s:26} fmt={format(n)!s:26} f={n}")
print("numbers in containers use repr:", [1.0, 2], (0.1,), {"k": -0.0})
print("percent vs format:", "%s %r %d %.2f" % (1.5, 1.5, 1.5, 1.5), "{} {!r} {:d} {:.2f}".format(1.5, 1.5, 2, 1.5))
print("int str of negative zero float:", int(-0.0), str(int(-0.5)))
print("bool to str/int/float:", str(True), int(True), float(False), complex(True))
print("zero-padding negative:", f"{-5:03}", f"{-5.5:07.2f}", f"{5:+03}")
print("thousands separators:", f"{1234567.891:,.2f}", f"{-1234567:,}", f"{1234567:_x}", f"{12345678:_}")
print("engineering:", f"{123456789:.3e}", f"{0.000123:.1e}", f"{1e-5:g}", f"{123456789.0:g}")
print("percent:", f"{0.256:.1%}", f"{1:%}", f"{-0.5:.0%}")
