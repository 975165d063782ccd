# for-loop targets can be any assignment target; else clauses run only without break; loop variables persist.
slots = [None, None]
for slots[0] in "ab":
    pass
print("subscript target:", slots)
class Box:
    pass
b = Box()
for b.value in range(3):
    pass
print("attribute target:", b.value)
for first, *rest in ["abc", "de"]:
    print("starred target:", first, rest)
for (x, y), z in [((1, 2), 3)]:
    print("nested target:", x, y, z)
d = {}
for d["k"] in [1, 2]:
    pass
print("dict item target:", d)
for i in range(3):
    if i == 5:
        break
else:
    print("else runs when no break, i =", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
print("after break, i =", i)
for j in []:
    pass
else:
    print("else runs for empty iterable; j defined?", "j" in dir())
n = 0
while n < 3:
    n += 1
    if n == 10:
        break
else:
    print("while-else runs, n =", n)
total = 0
for k in range(10):
    if k % 2:
        continue
    total += k
print("continue skips odds:", total, "k after loop:", k)
