# Names captured by patterns are ordinary local bindings: visible after the match, in closures, and as globals at module level.
def f(v):
    match v:
        case [first, *rest]:
            pass
        case _:
            first, rest = None, None
    get = lambda: (first, rest)
    return get()
print(f([1, 2, 3]), f("no"))
match {"k": "module-level capture"}:
    case {"k": captured_globally}:
        pass
print("captured_globally" in globals(), captured_globally)
def g(v):
    total = 0
    for item in v:
        match item:
            case int(n):
                total += n
            case (int(a), int(b)):
                total += a * b
    return total, n if "n" in dir() else None
print(g([1, (2, 3), 4]))
