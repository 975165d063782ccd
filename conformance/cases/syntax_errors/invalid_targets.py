# Assignments to things that cannot be assigned: literals, calls, operators, keywords.
srcs = [
    "1 = x", "f() = 1", "a + b = 1", "None = 1", "x.y() = 2", "(a, 1) = t",
    "[a, b()] = t", "for 1 in x: pass", "with a as 1: pass", "del f()",
    "del 1", "lambda: 1 = 2", "a if b else c = 1", "x = yield = 1", "'s' += 1",
    "f(x=1, x=2)", "f(**k, *a)", "f(a=1, b)", "def f(a, a): pass",
    "def f(a=1, b): pass", "def f(*, **k): pass", "def f(*): pass",
]
for s in srcs:
    try:
        compile(s, "<t>", "exec")
        print("compiled:", s)
    except SyntaxError as e:
        print(f"{s!r:24} -> {e.msg} (line {e.lineno}, col {e.offset})")
