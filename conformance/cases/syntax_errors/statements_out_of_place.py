# Statements outside their allowed context: return, yield, break, continue, await.
srcs = [
    "return 1", "yield 1", "break", "continue", "await x",
    "def f():\n    break\n", "for x in y:\n    def g():\n        continue\n",
    "class C:\n    return 1\n", "async def f():\n    yield from x\n",
    "def f():\n    x = [await y for y in z]\n", "def f():\n    nonlocal q\n",
    "try:\n    pass\nfinally:\n    continue\n", "while True:\n    try:\n        break\n    finally:\n        continue\n",
    "async def f():\n    return [x async for x in y]\n",
]
for s in srcs:
    try:
        compile(s, "<ctx>", "exec")
        print("compiled:", repr(s))
    except SyntaxError as e:
        print(repr(s), "->", e.msg, e.lineno, e.offset)
