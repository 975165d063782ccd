# Complex exponentiation: integer exponents by repeated multiplication, zero bases, fractional and complex exponents.
print("z**0 and z**1:", (3 + 4j) ** 0, (3 + 4j) ** 1, 0j ** 0, complex(0, 0) ** 0j)
print("small integer powers exact:", (1 + 2j) ** 2, (1 + 2j) ** 3, (1 - 1j) ** 4, (2j) ** 5)
print("negative integer powers:", (1 + 1j) ** -1, (2 + 0j) ** -3, (1j) ** -2)
print("zero base positive real exponent:", 0j ** 2, 0j ** 0.5, 0j ** (2 + 0j))
for exp in (-1, -0.5, 1j, -1 + 1j):
    try:
        print(f"0j ** {exp!r} ->", 0j ** exp)
    except ZeroDivisionError as e:
        print(f"0j ** {exp!r} -> ZeroDivisionError:", e)
print("i**i is real:", round((1j ** 1j).real, 15), (1j ** 1j).imag)
print("real base complex exponent:", round(abs(2 ** 1j), 15), 2 ** 0j)
print("pow builtin with complex:", pow(1j, 2), pow(2, 1j) == 2 ** 1j)
print("large exponents overflow to inf/nan or raise:", end=" ")
try:
    print((10 + 10j) ** 400)
except OverflowError as e:
    print("OverflowError:", e)
