# Line continuation, semicolons, and indentation rules, some via compile().
total = 1 + \
    2 + \
    3
items = [
    1,
    2,   # trailing comma allowed
]
a = 1; b = 2; c = a + b
print(total, items, c)
if True: print("one-liner if")
for i in range(2): print("loop", i)
print((1,
       2), {'k':
            'v'})
srcs = [
    "if True:\n  x = 1\n    y = 2\n",
    "if True:\nx = 1\n",
    "  x = 1\n",
    "if True:\n\tx = 1\n        y = 2\n",
    "x = (1,\n",
    "def f():\n    return 1\n  return 2\n",
]
for src in srcs:
    try:
        compile(src, "<ind>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
