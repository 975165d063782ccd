# Accumulator patterns with augmented assignment across many iterations.
total = 0
product = 1
bits = 0
text = ""
for i in range(1, 21):
    total += i
    product *= i
    bits |= 1 << (i % 7)
    text += chr(ord("a") + i % 26)
print(total, product, bin(bits), text)
x = 1.0
for _ in range(10):
    x /= 3
    x *= 3
print(x == 1.0, round(x, 12))
mask = 0xFFFF
h = 0
for ch in "hashing":
    h = (h * 31 + ord(ch)) & mask
    h ^= h >> 3
print(h)
lst = []
for i in range(3):
    lst += [i] * i
print(lst)
