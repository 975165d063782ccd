# Guards can call functions, raise, and observe earlier captures; failed cases do not undo captures.
seen = []
def record(tag):
    seen.append(tag)
    return False
def run(v):
    match v:
        case (a, b) if record(("first", a, b)):
            return "never"
        case (a, *rest) if record(("second", a, len(rest))):
            return "never"
        case (a, b) if a < b:
            return f"ascending {a} {b}"
        case _:
            return "fallback"
print(run((1, 2)), seen)
seen.clear()
print(run((5, 1)), seen)
def raising_guard(v):
    match v:
        case x if 1 / x > 0:
            return "positive"
        case _:
            return "other"
print(raising_guard(4))
try:
    raising_guard(0)
except ZeroDivisionError as e:
    print("guard raised ZeroDivisionError:", e)
