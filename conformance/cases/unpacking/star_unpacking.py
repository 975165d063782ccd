# Extended unpacking with a starred target in every position.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
a, *b, c = (1, 2)
print(a, b, c)
*everything, = {3: 'x'}.items()
print(everything)
(x, *y), *z = [1, 2, 3], 4, 5
print(x, y, z)
for f, *others in [(1, 2, 3), (4,)]:
    print(f, others)
def g():
    yield from range(3)
s1, *s2 = g()
print(s1, s2, type(s2).__name__)
for src in ["*a, *b = c", "*a = b", "a, *b, c, *d = e"]:
    try:
        compile(src, "<u>", "exec")
        print("ok:", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
