# A while loop with int and float arithmetic and comparisons.
total = 0
x = 0.0
i = 0
while i < 1000000:
    total += i % 7
    x = x * 0.5 + 1.0
    i += 1
print(total, x)
