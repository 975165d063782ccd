# Slicing ranges and sequences with steps and bounds beyond 64 bits.
r = range(10)[::2 ** 100]
print(r, list(r), len(r))
print(range(10)[::-2 ** 100], list(range(10)[::-2 ** 100]))
print(range(0, 10, 3)[1:2 ** 100:2 ** 70])
print(list(range(0, 2 ** 100, 2 ** 99)))
print([1, 2, 3][::-2 ** 100], [1, 2, 3][::2 ** 100], "abc"[::-2 ** 64], (1, 2)[2 ** 80:-2 ** 80:-2 ** 90])
print(range(2 ** 40)[::2 ** 40], range(0, 2 ** 45, 2 ** 40)[::2 ** 20])
print(range(10)[True:2 ** 64:True], range(10)[-2 ** 100::])
try:
    range(10)[::0]
except ValueError as e:
    print("ValueError:", e)
