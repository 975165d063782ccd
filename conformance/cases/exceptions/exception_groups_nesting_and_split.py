# split/subgroup preserve nesting, tracebacks and notes; derive is used for the copies.
def make():
    try:
        raise ExceptionGroup("top", [
            ValueError("v1"),
            ExceptionGroup("mid", [TypeError("t1"), ValueError("v2")]),
            KeyError("k"),
        ])
    except ExceptionGroup as eg:
        eg.add_note("note on top")
        return eg
eg = make()
vals, rest = eg.split(ValueError)
print(repr(vals))
print(repr(rest))
print(vals.__notes__, rest.__notes__, vals.__traceback__ is eg.__traceback__)
print(repr(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "mid")))
print(eg.split(OSError)[0], repr(eg.split(Exception)[1]))
def leaves(g):
    out = []
    for e in g.exceptions:
        out.extend(leaves(e) if isinstance(e, BaseExceptionGroup) else [repr(e)])
    return out
print(leaves(eg))
