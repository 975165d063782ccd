# Comprehension details that interpreters get wrong: rebinding iterables, nested first iterable.
xs = [1, 2, 3]
gen = (x for x in xs)
xs = [10, 20]
print(list(gen))
ys = [1, 2]
lc = [y for y in ys if len(ys) < 6 and ys.append(y * 10) is None]
print(lc, ys)
outer = [[1, 2], [3]]
print([v for sub in outer for v in sub if v != 2])
def f():
    n = 2
    return [[n * i for i in range(j)] for j in range(3)]
print(f())
a = 5
print([a for a in range(3)], a)
print({i: i for i in range(3)}.keys() & {1, 2}, {*(i for i in "ab")} == {"a", "b"})
