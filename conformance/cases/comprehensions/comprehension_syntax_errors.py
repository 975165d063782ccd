# Comprehension syntax rules checked with compile().
srcs = [
    "[x for x in range(3) if x else 0]",
    "[x, y for x in a]",
    "[*x for x in a]",
    "{**d for d in a}",
    "[x for x in]",
    "(x for x in a, b)",
    "f(x for x in a, 1)",
    "f(x for x in a)",
    "[x async for x in a]",
    "[(yield) for x in a]",
    "[x for x in a if (y := x)]",
]
for s in srcs:
    try:
        compile(s, "<comp>", "exec")
        print("ok:", s)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "|", s)
