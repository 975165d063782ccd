# SyntaxErrors specific to match statements and patterns.
srcs = [
    "match x:\n    case 1 + 1: pass\n",
    "match x:\n    case f(): pass\n",
    "match x:\n    case {**rest, 'k': 1}: pass\n",
    "match x:\n    case {'k': 1, 'k': 2}: pass\n",
    "match x:\n    case [*a, *b]: pass\n",
    "match x:\n    case a.b(c=1, 2): pass\n",
    "match x:\n    case _ as y: pass\n",
    "match x:\n    case x as _: pass\n",
    "match x:\n    case -a: pass\n",
    "match x:\n    pass\n",
    "match x:\n    case 1:\n    pass\n",
    "match x:\n    case {1: _, **_}: pass\n",
]
for s in srcs:
    try:
        compile(s, "<match>", "exec")
        print("compiled:", repr(s))
    except SyntaxError as e:
        print(repr(s.splitlines()[1].strip()), "->", e.msg, e.lineno, e.offset)
