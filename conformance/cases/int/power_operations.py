# ** and pow() with negatives, zero, modular exponent and inverse.
print("2**100:", 2**100)
print("(-3)**3, (-3)**4:", (-3)**3, (-3)**4)
print("-3**2 precedence:", -3**2)
print("2**-1 is float:", 2**-1, type(2**-1).__name__)
print("0**0:", 0**0, pow(0, 0))
print("10**-3:", 10**-3)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("0**-1:", e)
print("pow mod:", pow(3, 200, 13), pow(2, 10**5, 10**9 + 7), pow(-2, 3, 5), pow(2, 3, -5))
print("pow mod inverse:", pow(3, -1, 7), pow(38, -1, 97), pow(3, -2, 7))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("no inverse:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("mod zero:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("float with mod:", e)
print("pow mod 1:", pow(5, 0, 1), pow(0, 0, 7))
print("right assoc:", 2**3**2)
print("big power digits:", len(str(7**500)), (7**500) % 1000)
print("(-1)**big:", (-1)**(10**20), (-1)**(10**20 + 1))
print("1**huge:", 1**(10**30))
print("negative base fractional exp:", (-8) ** (1/3))
print("pow builtin kw:", pow(base=2, exp=5), pow(base=2, exp=5, mod=3))
