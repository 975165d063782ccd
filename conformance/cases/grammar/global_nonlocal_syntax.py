# Syntax rules for global/nonlocal declarations, checked via compile().
cases = [
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    nonlocal y\n",
    "nonlocal z\n",
    "def f(a):\n    global a\n",
    "def f():\n    global q\n    q = 1\n",
    "def o():\n    v = 1\n    def i():\n        nonlocal v\n        v = 2\n",
    "def o():\n    def i():\n        print(w)\n        nonlocal w\n    w = 1\n",
]
for src in cases:
    try:
        compile(src, "<decl>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
