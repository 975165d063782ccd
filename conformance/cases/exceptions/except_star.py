# except* handles matching parts of an ExceptionGroup; the rest propagates.
def run(excs):
    try:
        raise ExceptionGroup("group", excs)
    except* ValueError as g:
        print("ValueError part:", [repr(e) for e in g.exceptions])
    except* (TypeError, KeyError) as g:
        print("Type/Key part:", [repr(e) for e in g.exceptions])
run([ValueError(1), TypeError(2), ValueError(3)])
run([KeyError("k")])
try:
    run([ValueError(1), OSError("unhandled")])
except ExceptionGroup as rest:
    print("propagated:", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked exception wrapped:", repr(g))
try:
    try:
        raise ExceptionGroup("g", [TypeError("t")])
    except* TypeError:
        raise RuntimeError("raised in except*")
except (ExceptionGroup, RuntimeError) as e:
    print(repr(e), repr(e.__context__))
for src in ["try:\n  pass\nexcept* ValueError:\n  break\n",
            "try:\n  pass\nexcept* ExceptionGroup:\n  pass\n",
            "try:\n  pass\nexcept ValueError:\n  pass\nexcept* TypeError:\n  pass\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)
