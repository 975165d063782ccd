# Assignment expressions (:=) in conditions, comprehensions and calls.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
values = []
it = iter(data)
while (v := next(it, None)) is not None:
    values.append(v * 2)
print(values)
print([y for x in data if (y := x * x) > 10])
print(y)  # the comprehension target binds in the enclosing scope
def f():
    total = 0
    [total := total + x for x in range(5)]
    return total
print(f())
print((z := 5), z)
print([(w := i, w ** 2) for i in range(3)], w)
for src in ["x := 1", "def g(a := 1): pass", "[i := 0 for i in range(3)]"]:
    try:
        compile(src, "<w>", "exec")
        print("ok:", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
