# Formatting ints: width, fill, sign, grouping per base, 'n', 'c', '%', and very large values.
n = 123456789
specs = ["", ",", "_", "_b", "_o", "_x", "#_x", "+,", " ,", "020,", "<15,", "^+15", "=+15,", "e", ".3e", "%", ".1%", "g"]
for s in specs:
    print(f"{s!r:8} {format(n, s)!r}  {format(-n, s)!r}")
print("zero:", format(0, "+"), format(0, "#x"), format(0, "08b"), format(0, ","))
print("c format:", format(97, "c"), format(0x1F600, "c"), repr(format(10, "c")))
try:
    format(-1, "c")
except OverflowError as e:
    print("c negative:", e)
big = 7 ** 80
print("big grouped:", format(big, ","))
print("big hex grouped:", format(big, "_x"))
print("big as float format:", format(big, ".5e"), format(big, "g"))
print("bool formats as int:", format(True, "#x"), format(False, "+d"), f"{True:5}|")
