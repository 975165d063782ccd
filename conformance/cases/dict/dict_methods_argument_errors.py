# dict methods with wrong argument counts/types: CPython's messages.
d = {"a": 1}
calls = [
    ("d.get()", lambda: d.get()), ("d.get(1, 2, 3)", lambda: d.get(1, 2, 3)), ("d.pop()", lambda: d.pop()),
    ("d.setdefault()", lambda: d.setdefault()), ("d.update(1)", lambda: d.update(1)), ("d.update([(1,)])", lambda: d.update([(1,)])),
    ("d.fromkeys()", lambda: d.fromkeys()), ("d.keys(1)", lambda: d.keys(1)), ("d.popitem(1)", lambda: d.popitem(1)),
    ("d.copy(1)", lambda: d.copy(1)), ("d.clear(1)", lambda: d.clear(1)), ("d[[1]]", lambda: d[[1]]),
    ("d | 1", lambda: d | 1), ("dict(a=1, **{'a': 2})", lambda: dict(a=1, **{"a": 2})), ("{}.__getitem__()", lambda: {}.__getitem__()),
]
for label, fn in calls:
    try:
        print(label, "->", fn())
    except (TypeError, ValueError, KeyError) as e:
        print(label, "->", type(e).__name__ + ":", e)
