# int methods: bit_length, bit_count, as_integer_ratio, conjugate, real/imag, numerator/denominator, is_integer absent.
import types
for x in (0, 1, 7, 8, -8, -9, 2**100, -(2**100)):
    print(x if abs(x) < 1000 else "big", x.bit_length(), x.bit_count(), x.as_integer_ratio() if abs(x) < 1000 else "-")
n = 42
print("real/imag:", n.real, n.imag, n.conjugate())
print("numerator/denominator:", n.numerator, n.denominator, (-3).numerator)
print("bool attrs:", True.real, True.numerator, type(True.real).__name__)
print("is_integer exists on int (3.12+ only)?", hasattr(int, "is_integer"))
print("__index__:", (5).__index__(), (5).__int__(), (5).__float__())
print("__round__:", round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 2), type(round(5)).__name__)
print("__trunc__/floor/ceil:", (7).__trunc__(), (7).__floor__(), (7).__ceil__())
print("__abs__/neg/pos:", abs(-5), -(-5), +5, abs(-2**70))
print("__sizeof__ not printed; __bool__:", bool(0), bool(-1), bool(2**100))
print("int.__new__ on str subclass:", int("  12  "))
print("from_bytes is a classmethod descriptor:", type(int.__dict__["from_bytes"]) is types.ClassMethodDescriptorType)
print("hex/oct/bin:", hex(255), oct(8), bin(5), hex(-255), bin(-5), oct(-8), hex(0))
print("format specs:", format(255, "x"), format(255, "#X"), format(255, "08b"), format(255, "o"), format(1234567, ","), format(1234567, "_"), format(255, "_b"))
print("format sign/align:", format(42, "+d"), format(42, " d"), format(-42, "=8d"), format(42, "^8d"), format(42, "<5d") + "|", format(42, "c"))
print("format n and e:", format(1234, "n"), format(1234, "e"), format(1234, ".2f"), format(1234, "%"))
try:
    format(42, "s")
except ValueError as e:
    print("bad spec:", e)
try:
    format(42, ".2d")
except ValueError as e:
    print("precision with d:", e)
