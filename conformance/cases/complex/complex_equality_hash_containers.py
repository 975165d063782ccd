# complex equality with real numbers, hashing, use as dict keys and in sets, sorting by key.
print("equal to real:", 2 + 0j == 2, 2 + 0j == 2.0, 2 + 0j == True + 1, 0j == False, 1j == 1)
print("hash consistent:", hash(2 + 0j) == hash(2), hash(complex(0.5, 0)) == hash(0.5), hash(1j) == hash(1j))
d = {1: "int"}
d[1 + 0j] = "complex"
print("dict key collapse:", d)
print("set collapse:", len({0, 0.0, 0j, -0j, False}))
vals = [3 - 1j, 1 + 5j, -2 + 0j, 1 - 5j]
print("sort by abs then imag:", sorted(vals, key=lambda z: (abs(z), z.imag)))
print("sort by real/imag:", sorted(vals, key=lambda z: (z.real, z.imag)))
try:
    sorted(vals)
except TypeError as e:
    print("no natural order:", e)
print("max by abs:", max(vals, key=abs))
print("membership:", 1 in [1 + 0j], 1j in {1j: 0}, (1 + 0j) in {1})
print("complex in str.format:", "{:.1f}".format(1.25 + 2.5j), "{!r}".format(1 + 0j))
print("tuple of complex repr:", (1j, -1j, 0j))
