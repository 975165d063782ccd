# Where := is and is not allowed, with the messages CPython gives.
srcs = [
    "x := 1", "(x := 1)", "y = x := 1", "y = (x := 1)", "f(x := 1)", "f(a=x := 1)",
    "def f(a=(b := 1)): pass", "lambda: x := 1", "lambda: (x := 1)", "(a.b := 1)", "(a[0] := 1)",
    "((a, b) := (1, 2))", "[x := 1, 2]", "{x := 1}", "{(x := 1): 2}", "x[y := 1]", "x[y := 1, 2]",
    "with (x := open('f')) as f: pass", "assert (x := 1)", "del (x := 1)",
]
for s in srcs:
    try:
        compile(s, "<w>", "exec")
        print("compiled:", s)
    except SyntaxError as e:
        print(f"{s!r:36} -> {e.msg}")
