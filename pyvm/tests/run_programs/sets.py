s = {3, 1, 2, 3}
print(len(s), 2 in s, 5 in s, sorted(s), s == {1, 2, 3}, s != {1, 2}, set(), bool(set()))
s.add(10)
s.add(1)
print(sorted(s), len(s), {x % 3 for x in range(10)} == {0, 1, 2}, sorted(set("hello")))
t = set([1, 1, 2])
print(len(t), {1.0} == {1}, {"a"})
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    {{1}}
except TypeError as e:
    print(e)
