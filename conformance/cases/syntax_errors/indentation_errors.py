# IndentationError and TabError details: unexpected indent, expected block, dedent mismatch.
srcs = [
    "  x = 1\n",
    "if True:\npass\n",
    "def f():\n  x = 1\n    y = 2\n",
    "if True:\n    x = 1\n  y = 2\n",
    "for i in x:\n\n# comment\n",
    "if True:\n        a = 1\n\tb = 2\n",
    "class C:\n    def m(self):\n    pass\n",
    "try:\n    x\nexcept:\npass\n",
]
for s in srcs:
    try:
        compile(s, "<i>", "exec")
        print("compiled:", repr(s))
    except SyntaxError as e:
        print(type(e).__name__, repr(s), "->", e.msg, e.lineno, e.offset)
