# Repetition and concatenation produce new containers holding the same element objects.
inner = [0]
outer = [inner] * 3
print("same element object:", all(x is inner for x in outer))
inner.append(1)
print("mutation visible through all:", outer)
t = ("a",) * 3
print("tuple repeat:", t, t * 0 == (), len(t * 1000))
l = [1, 2]
cat = l + l
cat[0] = 99
print("concat copies the list:", l, cat)
ll = [[1]] + [[2]]
print("concat shares nested:", ll)
print("repeat with negative/zero:", [1] * -5, "ab" * 0, (1,) * -1, b"x" * 0)
s = [1, 2, 3]
s *= 0
print("*= 0 clears in place:", s)
class Counted:
    made = 0
    def __init__(self):
        Counted.made += 1
items = [Counted()] * 5
print("constructor called once for repeated list:", Counted.made, len(items))
grid = [[None] * 3 for _ in range(2)]
grid[0][0] = "x"
print("independent rows via comprehension:", grid)
print("str repetition large:", len("ab" * 10000), ("ab" * 10000).count("ab"))
print("tuple of lists repeated:", ([],) * 2, (lambda t: t[0] is t[1])(([],) * 2))
