# Line and column of errors in multi-line sources.
srcs = [
    "x = 1\ny = 2\nz = (3 +\n     4 +)\n",
    "def f():\n    return [\n        1,\n        2\n    \n",
    "items = {\n    'a': 1,\n    'b' 2,\n}\n",
    "if True:\n    x = 1\n  else:\n    pass\n",
    "a = 1\nb = 2\nc = 3 3\n",
    "print('start')\nclass C:\n    def m(self)\n        pass\n",
    "s = '''\nunterminated\n",
]
for s in srcs:
    try:
        compile(s, "<lines>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, (e.lineno, e.offset))
