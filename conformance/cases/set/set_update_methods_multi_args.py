# In-place set methods with multiple arguments, and their operator counterparts' restrictions.
s = {1, 2, 3}
s.update([4], (5, 6), {7}, range(8, 10), "")
print("update many:", sorted(s))
s.intersection_update(range(0, 20, 2), [2, 4, 6, 8, 100])
print("intersection_update many:", sorted(s))
s.difference_update([2], {8})
print("difference_update many:", sorted(s))
s.symmetric_difference_update([4, 11])
print("symmetric_difference_update:", sorted(s))
try:
    s.symmetric_difference_update([1], [2])
except TypeError as e:
    print("symmetric takes one arg:", e)
t = {1, 2}
ident = t
t |= {3}
t &= {1, 3, 5}
t -= {5}
t ^= {9}
print("augmented operators mutate in place:", sorted(t), t is ident)
f = frozenset({1})
fid = f
f |= {2}
print("frozenset augmented creates new:", sorted(f), f is fid, sorted(fid))
print("no-arg forms:", sorted({1}.union()), sorted({1}.intersection()), sorted({1}.difference()))
x = {1, 2}
x.update()
print("update no args:", sorted(x))
try:
    x |= [3]
except TypeError as e:
    print("|= list:", e)
