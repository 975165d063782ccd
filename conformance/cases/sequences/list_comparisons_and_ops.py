# list concatenation, repetition, comparisons, membership, and nested aliasing.
a = [1, 2]
print("concat/repeat:", a + [3], a * 2, [] * 10, [[0]] * 2)
grid = [[0] * 2] * 2
grid[0][0] = 1
print("aliasing with *:", grid)
grid2 = [[0] * 2 for _ in range(2)]
grid2[0][0] = 1
print("comprehension independent:", grid2)
print("comparisons:", [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 100], [1, 2] == [1, 2], [1, 2] != (1, 2))
try:
    [1] < (1,)
except TypeError as e:
    print("list < tuple:", e)
print("membership:", 2 in a, [2] in [[2]], (1,) in [[1]])
print("len/min/max/sum:", len(a), min([3, 1, 2]), max([3, 1, 2]), sum([1, 2, 3]))
try:
    min([])
except ValueError as e:
    print("min empty:", e)
try:
    a * 1.5
except TypeError as e:
    print("float repeat:", e)
l = [1]
l *= 3
print("imul:", l)
self_ref = [1]
self_ref.append(self_ref)
print("recursive repr:", self_ref)
print("equality recursion-safe via identity:", self_ref == self_ref)
print("reversed:", list(reversed([1, 2, 3])), list(reversed([])))
print("enumerate/zip:", list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")))
print("bool:", bool([]), bool([0]), bool([[]]))
print("unpacking in literals:", [*a, *"cd", *range(2)], (*a,), [*[], 0])
