# SyntaxError hints and locations pyvm maps from ruff's parse errors to
# CPython's invalid_* rules (message, lineno, offset, end_lineno, end_offset).
import sys


def show(src, mode="exec"):
    try:
        compile(src, "<s>", mode)
        print(repr(src), "-> compiled")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)


for src in [
    "a, b += 1", "[a] += [1]", "f() += 1",
    "[x, y for x in a]", "{x, y for x in a}", "(x, y for x in a)",
    "[*x for x in a]", "{**d for d in a}", "print(*a for a in b)",
    "[x for x in (y := [1, 2])]", "[x for x in range(3) for y in (z := [1])]",
    "del *a", "lambda (x): x", "lambda x, (y): x", "def f((x)): pass", "def f(a, (b)): pass",
    "from x import a,", "if x.y = 1: pass",
    "exec 'code'", "def f(**kwargs=1): pass", "def f(*args=1): pass",
    "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n",
    "match x:\n    case 1 + 1: pass\n", "match x:\n    case a.b(c=1, 2): pass\n",
    "match x:\n    case -a: pass\n",
    "if True:\n\tx = 1\n        y = 2\n",
    "x = 1_000_", "x = 1__0", "x = b'\u00e9'",
]:
    show(src)
show("lambda (a, b): a + b", "eval")
for src in ["", "   ", "1 +", "(1 +"]:
    show(src, "eval")
try:
    eval("")
except SyntaxError as e:
    print("eval('') ->", e.msg, e.lineno, e.offset, repr(e.text))
