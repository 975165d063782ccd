# Mapping patterns: required keys, extra keys ignored, **rest, and get semantics.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} extras={sorted(rest)}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "empty mapping or no type"
    return "not a mapping"
print(handle({"type": "click", "pos": (3, 4), "extra": 1}))
print(handle({"type": "key", "key": "q", "mod": "ctrl", "rep": 2}))
print(handle({"type": "scroll"}))
print(handle({"other": 1}))
print(handle([("type", "click")]))
from collections import defaultdict
dd = defaultdict(lambda: "default")
match dd:
    case {"missing": v}:
        print("matched with default", v)
    case _:
        print("defaultdict missing keys do not match")
print(len(dd))
