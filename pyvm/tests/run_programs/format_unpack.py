x, y, name = 3.14159, 42, "pyvm"
print(f"{x:.2f} {y:5d} {y:<5}| {name:>8} {name:^10}| {y:x} {y:#b} {1234567:,} {x:e} {0.5:%}")
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    print(f"{y:z}")
except ValueError as e:
    print(e)
