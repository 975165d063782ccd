# Starred targets that receive nothing, everything, and work with strings and generators.
*a, = []
print(a)
*a, b = [1]
print(a, b)
a, *b = "x"
print(a, b)
*a, b, c = "xyz"
print(a, b, c)
first, *middle, last = range(10)
print(first, len(middle), last)
*init, tail = (i * i for i in range(4))
print(init, tail)
[*a] = {1: 2}.keys()
print(a)
x, *y = b"ab"
print(x, y)
*z, = "é"
print(z)
