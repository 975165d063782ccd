# SyntaxErrors from eval/exec/compile modes: statements in eval, expressions in single mode.
for mode, src in [("eval", "x = 1"), ("eval", "import os"), ("eval", "1; 2"), ("single", "1\n2"),
                  ("exec", "def f(:"), ("eval", ""), ("eval", "   "), ("exec", "@\ndef f(): pass"),
                  ("single", "if True:\n    pass\n"), ("eval", "lambda: (yield)")]:
    try:
        compile(src, "<m>", mode)
        print(mode, repr(src), "compiled")
    except SyntaxError as e:
        print(mode, repr(src), "->", e.msg, e.lineno, e.offset)
try:
    eval("1 +")
except SyntaxError as e:
    print("eval:", e.msg, e.lineno, e.offset, repr(e.text))
try:
    exec("class C:\npass")
except IndentationError as e:
    print("exec:", type(e).__name__, e.msg, e.lineno)
