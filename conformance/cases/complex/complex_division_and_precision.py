# Complex division: exact results for simple cases, scaling for large/small components, and equality of recomputed values.
cases = [(1 + 2j, 3 + 4j), (4 + 2j, 2), (1j, 1j), (1, 1j), (-1 - 1j, 1 - 1j), (1e300 + 1e300j, 1e300 + 1e300j),
         (1e-300 + 1e-300j, 1e-300 - 1e-300j), (1 + 1j, 1e-320 + 0j)]
for a, b in cases:
    q = a / b
    print(f"{a!r} / {b!r} = {q!r}")
print("true division by real int keeps complex:", type((2 + 2j) / 2).__name__, (2 + 2j) / 2)
print("division identities:", (6 + 8j) / (3 + 4j) == 2, ((1 + 2j) / (3 - 1j)) * (3 - 1j) == 1 + 2j)
z = 3 + 4j
print("reciprocal and conjugate relation:", 1 / z, z.conjugate() / abs(z) ** 2, 1 / z == z.conjugate() / abs(z) ** 2)
try:
    z / 0j
except ZeroDivisionError as e:
    print("divide by 0j:", e)
try:
    z / complex(0.0, -0.0)
except ZeroDivisionError as e:
    print("divide by signed zero complex:", e)
