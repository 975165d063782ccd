# Parsing numbers from text without locale: thousands separators, currency, percentages, scientific notation, underscores.
def parse_amount(s):
    s = s.strip().replace(",", "").replace("_", "")
    neg = s.startswith("(") and s.endswith(")")
    s = s.strip("()$€ ")
    value = float(s[:-1]) / 100 if s.endswith("%") else float(s)
    return -value if neg else value
for text in ["1,234.50", "$ 99", "(12.5)", "45%", "1e3", "€1_000", " -0.25 ", "3.5e-2%"]:
    print(f"{text!r:12} -> {parse_amount(text)!r}")
print("int() accepts underscores but not commas:", int("1_000"), end=" ")
try:
    int("1,000")
except ValueError as e:
    print("|", e)
print("float() accepts surrounding whitespace and unicode digits:", float(" \u0661\u0662.5 "), float("\t-1E-2\n"))
print("Decimal keeps exact text:", __import__("decimal").Decimal("1234.50"), __import__("decimal").Decimal("1_000.5"))
print("Fraction from percentage:", __import__("fractions").Fraction("45") / 100)
