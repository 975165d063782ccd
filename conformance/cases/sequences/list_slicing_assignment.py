# Slice assignment and deletion on lists, including extended slices.
l = list(range(10))
l[2:5] = ["a", "b"]
print("shrink:", l)
l[1:1] = [100, 101, 102]
print("insert via empty slice:", l)
l[:] = range(6)
print("replace all:", l)
l[::2] = "xyz"
print("extended assign:", l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print("extended size mismatch:", e)
l[-2:] = []
print("delete via assign:", l)
del l[::2]
print("del extended:", l)
del l[:]
print("del all:", l)
m = list(range(8))
m[6:2:-1] = "ABCD"
print("negative step assign:", m)
m[10:20] = [9]
print("assign beyond end appends:", m)
try:
    m[0:1] = 5
except TypeError as e:
    print("assign non-iterable:", e)
a = [1, 2, 3]
a[1:2] = a
print("assign self into slice:", a)
b = list(range(5))
b[3:1] = ["x"]
print("reversed bounds insert at start:", b)
try:
    b[10] = 1
except IndexError as e:
    print("item assign out of range:", e)
try:
    del b[10]
except IndexError as e:
    print("del out of range:", e)
print("slice of list copies:", (lambda s: (s[:] is not s, s[:] == s))([1, 2]))
print("step slices:", list(range(10))[::3], list(range(10))[8:1:-3], list(range(10))[-1:-11:-4])
