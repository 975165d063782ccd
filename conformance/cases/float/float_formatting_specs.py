# format() and %-formatting of floats: f, e, g, %, precision, alignment, grouping.
x = 1234.5678
for spec in ["", "f", ".2f", ".0f", "e", ".3e", "E", "g", ".3g", ".10g", "G", "%", ".1%", ",", ",.2f", "_.3f",
             "10.2f", "<10.2f", "^10.2f", ">10.2f", "010.2f", "+.1f", " .1f", "=+12.3f", "*^12.1f", "#.0f", "#g", "n"]:
    print(f"{spec!r:10} -> {format(x, spec)!r}")
print("negative:", format(-1.5, "08.2f"), format(-1.5, "+"), format(-0.0, ".1f"), format(-0.0, "z.1f"), format(-0.00001, "z.1f"))
print("g switching:", [format(v, "g") for v in (1e-5, 1e-4, 123456.0, 1234567.0, 0.0, 100.0)])
print("g strips zeros:", format(2.5, ".5g"), format(2.5, "#.5g"))
print("rounding half-even on binary value:", format(0.125, ".2f"), format(0.375, ".2f"), format(2.675, ".2f"), format(1.5, ".0f"), format(2.5, ".0f"))
print("big f:", format(1e22, "f"), format(1e300, ".3g"))
print("inf/nan:", format(float("inf"), "f"), format(float("-inf"), "10.2f"), format(float("nan"), "E"), format(float("inf"), "+g"))
print("percent-format:", "%f" % x, "%.1e" % x, "%g" % x, "%10.3f|" % x, "%-10.1f|" % x, "%+.2f" % 2, "%05.1f" % 2.25)
print("%r %s:", "%r %s" % (0.1, 0.1))
try:
    format(1.5, "d")
except ValueError as e:
    print("d on float:", e)
try:
    format(1.5, ",_")
except ValueError as e:
    print("both separators:", e)
print("str.format:", "{:.3}".format(3.14159), "{:10.4}|".format(3.14159), "{0:.2f} {0:.4e}".format(0.000123))
