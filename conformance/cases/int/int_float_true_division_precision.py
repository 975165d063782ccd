# int / int is correctly rounded; int -> float conversion rounds half to even.
print(2**53 + 1, float(2**53 + 1), float(2**53 + 3))
print("half-even at 2**54:", float(2**54 + 2), float(2**54 + 6), float(2**54 + 1))
print("large exact quotient:", (10**30) / (10**15), (3 * 10**40) / (10**40))
print("correctly rounded ratio:", (2**80 + 1) / 2**80, (10**400 // 3) / 10**399)
print("small over large:", 1 / 10**300, 1 / 2**1074, 1 / 10**400)
print("underflow to zero:", 1 / 2**1080, -1 / 2**1080)
print("negative:", -7 / 7, -1 / 3, 7 / -2, 0 / -5)
try:
    float(10**400)
except OverflowError as e:
    print("float(10**400):", e)
print("float(2**1023 * 1.5 exact):", float(3 * 2**1022))
try:
    float(2**1024)
except OverflowError as e:
    print("float(2**1024):", e)
print("max finite from int:", float(2**1024 - 2**971))
try:
    float(2**1024 - 2**970)
except OverflowError as e:
    print("halfway to 2**1024 rounds up and overflows:", e)
print("int % float:", 7 % 2.5, -7 % 2.5, 7 // 2.5, divmod(-7, 2.5))
print("mixed pow:", 2 ** 0.5, 4 ** -0.5, (-8) ** 2.0)
