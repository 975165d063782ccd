# SyntaxError messages and locations as CPython reports them.
sources = [
    "f(a b)",
    "[1 2]",
    "x = {1: 2 3: 4}",
    "if x = 1:\n    pass\n",
    "x = 1 if y",
    "x = {1: 2, 3: }",
    "{1: 2, 3}",
    "items = {\n    'a': 1,\n    'b' 2,\n}\n",
    "if True:\n    x = 1\n  y = 2\n",
    "for i in x:\n\n# comment\n",
    "try:\n    pass\n",
    "x = yield = 1",
    "yield = 1",
    "(yield) = 1",
    "x = (yield) = 1",
    "f(a=1, b)",
    "print(a, *b, c=1, **d, e)",
    "lambda *: 0",
    "lambda *, **k: 0",
    "def f(*, **k): pass",
    "x = 5abc",
    "1.__class__",
    "class 1C: pass",
    "0b2",
    "0o8",
    "0b",
    "def f():\n    return (1,\n",
    "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "lambda: x := 1",
    "def f() -> : pass",
    "def f(x=): pass",
    "class C(x for x in y): pass",
    "x === 1",
    "not = 5",
    "x <> 1",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
try:
    eval("1 +* 2")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, repr(e.text))
