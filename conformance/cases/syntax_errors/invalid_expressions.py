# Invalid expression forms: starred in wrong places, keyword misuse, bad lambdas, bad slices.
srcs = [
    "x = *a, *b" , "print(*)", "f(**)", "a[1:2:3:4]", "lambda x=1, y: 0", "lambda *: 0",
    "x = (yield) = 1", "x = await", "a.1", "1.__class__", "1 .__class__", "a = b = ", "x = not",
    "[i for i in range(3) for]", "{1: 2, 3}", "{1, 2: 3}", "f(a for a in b for)", "x = 1 if 2",
    "del (a, b)", "del [a, (b, c)]", "(a, b) += 1", "x: int, y: int = 1, 2", "print(a, *b, c=1, **d, e)",
]
for s in srcs:
    try:
        compile(s, "<e>", "exec")
        print("compiled:", s)
    except SyntaxError as e:
        print(f"{s!r:30} -> {e.msg} @ {e.lineno}:{e.offset}")
