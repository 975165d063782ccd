# Misplaced operators and keywords: messages for common slips.
srcs = [
    "x = 1 +* 2", "x === 1", "x <> 1", "if x == 1 then: pass", "for x in range(3) do: pass",
    "print(1,, 2)", "f(,)", "x = [1, 2,, 3]", "import a.b as", "from . import *", "def f(): return *x",
    "x = 1 if else 2", "not = 5", "a, b = = 1", "x = (1 2)", "elif True: pass", "except: pass",
    "def f(x=): pass", "class C(: pass", "x = {1: 2 3: 4}", "1 + 2 = 3", "x++", "--x",
]
for s in srcs:
    try:
        compile(s, "<op>", "exec")
        print("compiled:", s)
    except SyntaxError as e:
        print(f"{s!r:28} -> {e.msg} (col {e.offset})")
