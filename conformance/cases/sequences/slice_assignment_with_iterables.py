# Slice assignment accepts any iterable (generators, strings, ranges, dict keys); extended slices need exact length.
l = list(range(6))
l[1:3] = (x * 10 for x in range(3))
print("generator:", l)
l[:2] = "ab"
print("string:", l)
l[-1:] = range(3)
print("range:", l)
l[::3] = {"X": 0, "Y": 1, "Z": 2}
print("dict keys into extended slice:", l)
try:
    l[::3] = iter([1])
except ValueError as e:
    print("extended with wrong length iterator:", e)
m = [1, 2, 3]
m[1:2] = []
print("remove via empty:", m)
m[len(m):] = [4, 5]
print("append via slice:", m)
m[:0] = [-1, 0]
print("prepend via slice:", m)
m[2:2] = m
print("self-insertion:", m)
n = [0] * 5
n[1::2] = [9, 9]
print("every other:", n)
t = list("abcdef")
t[::-2] = "XYZ"
print("negative extended:", t)
