# Every augmented arithmetic operator on ints and floats.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x /= 2; print(x)
x **= 2; print(x)
x %= 7; print(x)
n = 0b1100
n &= 0b1010; print(n)
n |= 0b0001; print(n)
n ^= 0b1111; print(n)
n <<= 3; print(n)
n >>= 2; print(n)
big = 2
big **= 100
print(big)
f = 1.5
f *= 3
f -= 0.5
print(f)
try:
    z = 1
    z /= 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    s = "a"
    s -= "b"
except TypeError as e:
    print("TypeError:", e)
