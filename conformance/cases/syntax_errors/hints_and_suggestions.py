# SyntaxError messages that carry a hint ("Maybe you meant", "Did you mean", ...).
srcs = [
    "import a from b", "from x import a,", "for x y in z: pass", "if x.y = 1: pass", "f'{(}'",
    "x = 1 \\ 2", "print >>sys.stderr, 'x'", "exec 'code'", "a = 1 if b", "def f(*args=1): pass",
    "def f(**kwargs=1): pass", "with open(f) as g, : pass", "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n",
    "assert(x, 'msg') = 1", "lambda: yield", "case = 1\nmatch x:\n    case 1 2: pass\n",
]
for s in srcs:
    try:
        compile(s, "<hint>", "exec")
        print("compiled:", repr(s))
    except SyntaxError as e:
        print(f"{s!r:48} -> {e.msg}")
