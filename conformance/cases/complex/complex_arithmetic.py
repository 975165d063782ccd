# Complex arithmetic, attributes and mixed-type operations.
a, b = 3 + 4j, 1 - 2j
print("add/sub/mul/div:", a + b, a - b, a * b, a / b)
print("with int/float:", a + 1, 2 * a, a / 2, 1 / a, a - 0.5)
print("attrs:", a.real, a.imag, a.conjugate(), abs(a), type(a.real).__name__)
print("power:", a ** 2, (1j) ** 2, 1j ** 0, (1 + 1j) ** 0.5, (2 + 0j) ** 2)
print("negation/pos:", -a, +a, -(0j))
print("equality:", 1 + 0j == 1, 1j == 1j, (1 + 1j) != 1, 0j == 0.0, complex(1, 0) == True)
try:
    a < b
except TypeError as e:
    print("ordering:", e)
try:
    a // 2
except TypeError as e:
    print("floordiv:", e)
try:
    a % 2
except TypeError as e:
    print("mod:", e)
try:
    divmod(a, 2)
except TypeError as e:
    print("divmod:", e)
try:
    a / 0
except ZeroDivisionError as e:
    print("div by zero:", e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print("0j ** -1:", e)
print("0j ** 0:", 0j ** 0, "0j ** 2:", 0j ** 2)
print("bool:", bool(0j), bool(1e-300j), bool(complex(0, -0.0)))
print("hash agree:", hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5))
print("int(complex):", end=" ")
try:
    int(a)
except TypeError as e:
    print(e)
try:
    float(a)
except TypeError as e:
    print("float(complex):", e)
try:
    round(a)
except TypeError as e:
    print("round(complex):", e)
