# Augmented assignment at numeric edges: inf, nan, -0.0, huge ints and true division results.
x = float("inf")
x -= x
print(x, x == x)
y = -0.0
y += 0.0
print(y)
z = -0.0
z *= 1
print(z)
n = 10 ** 20
n //= 3
n %= 10 ** 9
print(n)
b = 7
b /= 7
print(b, type(b).__name__)
i = 2
i **= 64
print(i, i.bit_length())
f = 1e308
f *= 10
print(f)
g = 5
g //= -2
print(g)
h = -5
h %= 3
print(h)
