# Missing colons, operators and keywords, with CPython's 'did you mean' hints.
srcs = [
    "if x\n    pass\n", "def f()\n    pass\n", "class C\n    pass\n",
    "for x in y\n    pass\n", "while x\n    pass\n", "x = 1 +", "print 'hello'",
    "a b", "f(a b)", "[1 2]", "if x = 1:\n    pass\n", "else:\n    pass\n",
    "x = 1 if y", "import", "from x import", "def f(:\n    pass\n",
    "try:\n    pass\n", "lambda x: yield",
]
for s in srcs:
    try:
        compile(s, "<m>", "exec")
        print("compiled:", repr(s))
    except SyntaxError as e:
        print(repr(s), "->", e.msg, e.lineno, e.offset)
