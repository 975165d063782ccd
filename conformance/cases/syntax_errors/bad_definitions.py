# Invalid function and class definitions: defaults, annotations, decorators, async misuse.
srcs = [
    "def f(x, /, y, /): pass", "def f(/, x): pass", "def f(*a, *b): pass", "def f(**k, a): pass",
    "def f(a, *, b, **c, d): pass", "def f(x: int = 1, y): pass", "class C(x for x in y): pass",
    "class C(**{}): pass", "def f() -> : pass", "async lambda: 0", "def f():\n    async with x: pass\n",
    "def f():\n    await x\n", "async def f():\n    def g():\n        await x\n", "class 1C: pass",
    "def f(a, b, a=1): pass", "def f(*, a, a): pass", "def f(x)\n    return x\n",
]
for s in srcs:
    try:
        compile(s, "<d>", "exec")
        print("compiled:", repr(s))
    except SyntaxError as e:
        print(repr(s), "->", e.msg, e.lineno, e.offset)
