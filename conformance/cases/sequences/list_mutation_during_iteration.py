# Mutating a list while iterating over it (defined but surprising behaviour).
l = [1, 2, 3, 4, 5, 6]
for x in l:
    if x % 2 == 0:
        l.remove(x)
print("remove while iterating skips elements:", l)
l = [1, 2, 3]
seen = []
for x in l:
    seen.append(x)
    if len(l) < 6:
        l.append(x * 10)
print("append while iterating is seen:", seen)
l = [1, 2, 3, 4]
out = []
it = iter(l)
out.append(next(it))
l.insert(0, 0)
out.append(next(it))
print("insert before iterator position:", out)
l = [1, 2, 3]
it = iter(l)
next(it)
l.clear()
print("iterator after clear is exhausted:", list(it))
l = [3, 1, 2]
it = iter(l)
l.sort()
print("iteration sees sorted list:", list(it))
l = [1, 2, 3]
r = reversed(l)
l.append(4)
print("reversed iterator fixed at creation length:", list(r))
l = [1, 2, 3]
r = reversed(l)
next(r)
del l[:]
print("reversed after clear:", list(r))
filtered = [x for x in [1, 2, 3, 4] if x % 2]
print("comprehension copy approach:", filtered)
l = list(range(5))
for i in range(len(l) - 1, -1, -1):
    if l[i] % 2:
        del l[i]
print("reverse index deletion:", l)
