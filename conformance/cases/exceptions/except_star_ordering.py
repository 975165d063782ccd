# except* clauses run in order, each at most once, with the matching subgroup.
def run(excs):
    log = []
    try:
        raise ExceptionGroup("g", excs)
    except* TypeError as g:
        log.append(("TypeError clause", len(g.exceptions)))
    except* (ValueError, KeyError) as g:
        log.append(("Value/Key clause", sorted(type(e).__name__ for e in g.exceptions)))
    except* Exception as g:
        log.append(("catch-all clause", [type(e).__name__ for e in g.exceptions]))
    return log
print(run([TypeError(), ValueError(), KeyError(), OSError(), TypeError()]))
print(run([OSError(), IndexError()]))
print(run([KeyError()]))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
    except* ValueError as g:
        raise
except ExceptionGroup as e:
    print("bare raise in except* re-raises the matched part:", repr(e))
