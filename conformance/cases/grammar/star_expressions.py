# Starred expressions in displays, returns, and subscripts.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b} == {1, 2, 3, 4}, {**{'x': 1}, 'y': 2})
print(*a, sep='-')
def ret():
    return *a, 5
print(ret())
for x in *a, *b:
    print(x, end=' ')
print()
first, *rest = range(5)
print(first, rest)
print([*range(3), *'ab'])
t = *a,
print(t)
for src in ["*a", "print(*a for a in b)", "x = *a", "del *a", "[*a] = [1]"]:
    try:
        compile(src, "<s>", "exec")
        print("ok:", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
